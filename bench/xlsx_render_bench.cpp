// Renders the sample register of N payments to XLSX and times the two stages apart:
// building the Document and writing the workbook. The target: 100,000 rows in
// under 3 s on the 2-core machine (Release build).
//
//   xlsx_render_bench [--rows N] [--runs K] [--lang kk|ru] [--out FILE]
//
// Prints each run's times, the medians and the file size; --out keeps the last file.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "esep/core/text.hpp"
#include "esep/forms/xlsx_writer.hpp"
#include "sample_documents.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int Usage() {
  std::fprintf(stderr,
               "usage: xlsx_render_bench [--rows N] [--runs K] [--lang kk|ru] [--out FILE]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t rows = 100000;
  int runs = 5;
  esep::core::Lang lang = esep::core::Lang::kKk;
  std::filesystem::path out;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (i + 1 >= argc) return Usage();
    const char* value = argv[++i];
    if (arg == "--rows") {
      rows = std::strtoull(value, nullptr, 10);
    } else if (arg == "--runs") {
      runs = std::atoi(value);
    } else if (arg == "--lang") {
      const auto parsed = esep::core::ParseLang(value);
      if (!parsed) return Usage();
      lang = *parsed;
    } else if (arg == "--out") {
      out = value;
    } else {
      return Usage();
    }
  }
  if (rows == 0 || runs < 1) return Usage();
  const bool keep = !out.empty();
  if (!keep) {
    out = std::filesystem::temp_directory_path() /
          ("esep-xlsx-bench-" + std::to_string(::getpid()) + ".xlsx");
  }

  std::vector<double> build_s;
  std::vector<double> write_s;
  std::uintmax_t size = 0;
  for (int run = 1; run <= runs; ++run) {
    const auto t0 = Clock::now();
    const esep::forms::Document doc = esep::test::SampleDocument(lang, rows);
    const auto t1 = Clock::now();
    const esep::core::Status status = esep::forms::WriteXlsx(doc, out);
    const auto t2 = Clock::now();
    if (!status.ok()) {
      std::fprintf(stderr, "WriteXlsx failed: %s (%s)\n", status.error().message.en.c_str(),
                   status.error().details.c_str());
      return 1;
    }
    size = std::filesystem::file_size(out);
    build_s.push_back(Seconds(t1 - t0));
    write_s.push_back(Seconds(t2 - t1));
    std::printf("run %d: document %.3f s, xlsx %.3f s, total %.3f s\n", run, build_s.back(),
                write_s.back(), build_s.back() + write_s.back());
  }
  std::vector<double> total_s(build_s.size());
  for (std::size_t i = 0; i < total_s.size(); ++i) total_s[i] = build_s[i] + write_s[i];
  std::printf("rows %zu, runs %d, lang %s\n", rows, runs,
              std::string(esep::core::LangCode(lang)).c_str());
  std::printf("median: document %.3f s, xlsx %.3f s, total %.3f s\n", Median(build_s),
              Median(write_s), Median(total_s));
  std::printf("file size: %ju bytes (%.1f MiB)%s\n", size, static_cast<double>(size) / 1048576.0,
              keep ? (" in " + out.string()).c_str() : "");
  if (!keep) std::filesystem::remove(out);
  return 0;
}
