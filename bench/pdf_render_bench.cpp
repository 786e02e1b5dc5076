// How long the server takes to turn a large report into a PDF: the sample document of N
// rows (default 100,000) rendered K times (default 5); prints every run and the median.
//
//   pdf_render_bench [--rows N] [--runs K] [--lang kk|ru] [--out FILE]
#include <QGuiApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "esep/core/text.hpp"
#include "esep/print/pdf_writer.hpp"
#include "sample_documents.hpp"

namespace {

struct Options {
  std::size_t rows = 100000;
  int runs = 5;
  esep::core::Lang lang = esep::core::Lang::kRu;
  std::string out;
};

bool Parse(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (i + 1 >= argc) return false;
    const char* value = argv[++i];
    if (arg == "--rows") {
      options.rows = std::strtoul(value, nullptr, 10);
    } else if (arg == "--runs") {
      options.runs = std::max(1, std::atoi(value));
    } else if (arg == "--lang") {
      const auto lang = esep::core::ParseLang(value);
      if (!lang) return false;
      options.lang = *lang;
    } else if (arg == "--out") {
      options.out = value;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!Parse(argc, argv, options)) {
    std::fprintf(stderr, "usage: %s [--rows N] [--runs K] [--lang kk|ru] [--out FILE]\n", argv[0]);
    return 2;
  }
  setenv("QT_QPA_PLATFORM", "offscreen", 1);
  QGuiApplication app(argc, argv);

  using Clock = std::chrono::steady_clock;
  const auto built_at = Clock::now();
  const esep::forms::Document doc = esep::test::SampleDocument(options.lang, options.rows);
  const double build_s = std::chrono::duration<double>(Clock::now() - built_at).count();
  std::printf("document: %zu rows (%s), built in %.3f s (not counted)\n", options.rows,
              std::string(esep::core::LangCode(options.lang)).c_str(), build_s);

  std::vector<double> seconds;
  std::string pdf;
  for (int run = 1; run <= options.runs; ++run) {
    const auto start = Clock::now();
    auto rendered = esep::print::RenderPdf(doc);
    const double s = std::chrono::duration<double>(Clock::now() - start).count();
    if (!rendered.ok()) {
      std::fprintf(stderr, "render failed: %s\n", rendered.error().message.en.c_str());
      return 1;
    }
    pdf = std::move(rendered).value();
    // Pages are counted from the page objects Qt writes ("/Type /Page" not "/Pages").
    std::size_t pages = 0;
    for (auto at = pdf.find("/Type /Page\n"); at != std::string::npos;
         at = pdf.find("/Type /Page\n", at + 1)) {
      ++pages;
    }
    seconds.push_back(s);
    std::printf("run %d: %.3f s, %zu pages, %.2f MiB\n", run, s, pages,
                static_cast<double>(pdf.size()) / (1024.0 * 1024.0));
    std::fflush(stdout);
  }
  std::vector<double> sorted = seconds;
  std::sort(sorted.begin(), sorted.end());
  std::printf("median: %.3f s over %d runs (min %.3f, max %.3f)\n", sorted[sorted.size() / 2],
              options.runs, sorted.front(), sorted.back());
  if (!options.out.empty()) {
    std::ofstream(options.out, std::ios::binary) << pdf;
    std::printf("written: %s\n", options.out.c_str());
  }
  return 0;
}
