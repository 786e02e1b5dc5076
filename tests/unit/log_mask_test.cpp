#include "esep/core/log_mask.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace esep::core {
namespace {

struct MaskCase {
  std::string_view input;
  std::string_view expected;
};

class MaskSensitiveTest : public ::testing::TestWithParam<MaskCase> {};

TEST_P(MaskSensitiveTest, MasksExactlyTwelveDigitRuns) {
  EXPECT_EQ(MaskSensitive(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MaskSensitiveTest,
    ::testing::Values(
        MaskCase{"", ""}, MaskCase{"no digits here", "no digits here"},
        MaskCase{"900101300517", "90********17"},
        MaskCase{"employee 900101300517 hired", "employee 90********17 hired"},
        // 11 and 13 digits are not an IIN/BIN: phone numbers, bank references.
        MaskCase{"90010130051", "90010130051"}, MaskCase{"9001013005171", "9001013005171"},
        MaskCase{"ref 12345678901234567890 done", "ref 12345678901234567890 done"},
        // Punctuation and letters around the run do not hide it.
        MaskCase{"IIN:900101300517.", "IIN:90********17."},
        MaskCase{"(900101300517)", "(90********17)"},
        MaskCase{"iin=900101300517&bin=040340004567", "iin=90********17&bin=04********67"},
        MaskCase{"id900101300517x", "id90********17x"},
        MaskCase{"file_900101300517.xml", "file_90********17.xml"},
        MaskCase{"ИИН900101300517", "ИИН90********17"},
        MaskCase{"ЖСН: 900101300517, БСН: 040340004567", "ЖСН: 90********17, БСН: 04********67"},
        // Two IINs separated by a single non-digit stay two separate runs.
        MaskCase{"900101300517-040340004567", "90********17-04********67"},
        MaskCase{"900101300517\n040340004567", "90********17\n04********67"},
        // A 24-digit run is one run, not two IINs.
        MaskCase{"900101300517040340004567", "900101300517040340004567"},
        MaskCase{"amount 1234.56 for 12 items", "amount 1234.56 for 12 items"}));

TEST(MaskSensitiveTest, LeavesMultibyteTextAroundIntact) {
  const std::string input = "Қызметкер 900101300517 — «Әлиев»";
  EXPECT_EQ(MaskSensitive(input), "Қызметкер 90********17 — «Әлиев»");
}

TEST(MaskNameTest, KeepsFirstLetterOfEachWord) {
  EXPECT_EQ(MaskName("Иванов Иван Иванович"), "И*** И*** И***");
  EXPECT_EQ(MaskName("Әлиев Нұрлан"), "Ә*** Н***");
  EXPECT_EQ(MaskName("Ivanov Ivan"), "I*** I***");
  EXPECT_EQ(MaskName("Өмірзақ Ұлан Үкібай Ғалым Іңкәр"), "Ө*** Ұ*** Ү*** Ғ*** І***");
}

TEST(MaskNameTest, OneWordAndSingleLetterWords) {
  EXPECT_EQ(MaskName("Назарбаев"), "Н***");
  EXPECT_EQ(MaskName("А Б"), "А*** Б***");
}

TEST(MaskNameTest, CollapsesAndTrimsWhitespace) {
  EXPECT_EQ(MaskName("  Иванов \t Иван\n"), "И*** И***");
  EXPECT_EQ(MaskName(""), "");
  EXPECT_EQ(MaskName(" \t "), "");
}

TEST(MaskNameTest, HyphenatedNameIsOneWord) { EXPECT_EQ(MaskName("Жанна-Мария"), "Ж***"); }

TEST(MaskNameTest, FourByteCharacterKeptWhole) {
  EXPECT_EQ(MaskName("\xF0\x9F\x98\x80smile"), "\xF0\x9F\x98\x80***");
}

TEST(MaskNameTest, MalformedFirstCharacterIsDroppedNotCut) {
  // A lone lead byte of a two-byte sequence, then a truncated sequence at the very end.
  EXPECT_EQ(MaskName("\xD0 Иван"), "*** И***");
  EXPECT_EQ(MaskName("Иван \xD0"), "И*** ***");
  // Windows-1251 "Иван": every byte is invalid UTF-8.
  EXPECT_EQ(MaskName("\xC8\xE2\xE0\xED"), "***");
}

TEST(MaskNameTest, NeverLeaksTheRestOfTheName) {
  const std::string masked = MaskName("Сейтқали Бекжан");
  EXPECT_EQ(masked.find("ейтқали"), std::string::npos);
  EXPECT_EQ(masked.find("екжан"), std::string::npos);
}

TEST(Utf8CharLengthTest, AcceptsWellFormedCharacters) {
  EXPECT_EQ(Utf8CharLength("a", 0), 1u);
  EXPECT_EQ(Utf8CharLength("Ә", 0), 2u);
  EXPECT_EQ(Utf8CharLength("₸", 0), 3u);
  EXPECT_EQ(Utf8CharLength("\xF0\x9F\x98\x80", 0), 4u);
  EXPECT_EQ(Utf8CharLength("aӘ", 1), 2u);
}

TEST(Utf8CharLengthTest, RejectsMalformedSequences) {
  EXPECT_EQ(Utf8CharLength("", 0), 0u);
  EXPECT_EQ(Utf8CharLength("\x80", 0), 0u);              // continuation byte alone
  EXPECT_EQ(Utf8CharLength("\xC0\xAF", 0), 0u);          // overlong '/'
  EXPECT_EQ(Utf8CharLength("\xE0\x80\xAF", 0), 0u);      // overlong three-byte
  EXPECT_EQ(Utf8CharLength("\xED\xA0\x80", 0), 0u);      // UTF-16 surrogate
  EXPECT_EQ(Utf8CharLength("\xF4\x90\x80\x80", 0), 0u);  // above U+10FFFF
  EXPECT_EQ(Utf8CharLength("\xD3", 0), 0u);              // truncated
  EXPECT_EQ(Utf8CharLength("\xD3"
                           "a",
                           0),
            0u);  // bad continuation
  EXPECT_EQ(Utf8CharLength("\xFF", 0), 0u);
}

TEST(SensitiveNameTest, FormatsMasked) {
  const std::string name = "Иванов Иван Иванович";
  EXPECT_EQ(fmt::format("employee {}", SensitiveName{name}), "employee И*** И*** И***");
}

TEST(SensitiveNameTest, HonoursWidthSpec) {
  EXPECT_EQ(fmt::format("[{:>6}]", SensitiveName{"Ivanov"}), "[  I***]");
}

}  // namespace
}  // namespace esep::core
