#include "core/common/Validation.h"

#include <gtest/gtest.h>

#include <string>

using namespace switchboard::core::common;

TEST(ValidationTest, Utf8LengthCountsCodePoints) {
    EXPECT_EQ(utf8Length(""), 0u);
    EXPECT_EQ(utf8Length("hello"), 5u);
    EXPECT_EQ(utf8Length("h\xc3\xa9llo"), 5u);                     // é
    EXPECT_EQ(utf8Length("\xe2\x82\xac"), 1u);                      // €
    EXPECT_EQ(utf8Length("\xf0\x9f\x98\x80!"), 2u);                 // 😀!
    EXPECT_EQ(utf8Length(std::string("a\0b", 3)), 3u);
    EXPECT_EQ(utf8Length("\xc2\x80\xdf\xbf"), 2u);                  // U+0080, U+07FF
    EXPECT_EQ(utf8Length("\xe0\xa0\x80\xef\xbf\xbf"), 2u);          // U+0800, U+FFFF
    EXPECT_EQ(utf8Length("\xed\x9f\xbf\xee\x80\x80"), 2u);          // U+D7FF, U+E000 around the surrogates
    EXPECT_EQ(utf8Length("\xf0\x90\x80\x80\xf4\x8f\xbf\xbf"), 2u);  // U+10000, U+10FFFF
}

TEST(ValidationTest, Utf8RejectsMalformedSequences) {
    EXPECT_EQ(utf8Length("\x80"), std::nullopt);             // lone continuation byte
    EXPECT_EQ(utf8Length("\xc3"), std::nullopt);             // truncated
    EXPECT_EQ(utf8Length("\xe2\x82"), std::nullopt);         // truncated
    EXPECT_EQ(utf8Length("\xc3\x28"), std::nullopt);         // bad continuation
    EXPECT_EQ(utf8Length("\xe2\x28\xa1"), std::nullopt);
    EXPECT_EQ(utf8Length("\xf0\x9f\x98\x28"), std::nullopt);
    EXPECT_EQ(utf8Length("\xc0\xaf"), std::nullopt);         // overlong '/'
    EXPECT_EQ(utf8Length("\xc1\xbf"), std::nullopt);         // overlong
    EXPECT_EQ(utf8Length("\xe0\x80\xaf"), std::nullopt);     // overlong
    EXPECT_EQ(utf8Length("\xe0\x9f\xbf"), std::nullopt);     // overlong U+07FF
    EXPECT_EQ(utf8Length("\xf0\x80\x80\xaf"), std::nullopt); // overlong
    EXPECT_EQ(utf8Length("\xf0\x8f\xbf\xbf"), std::nullopt); // overlong U+FFFF
    EXPECT_EQ(utf8Length("\xed\xa0\x80"), std::nullopt);     // U+D800 surrogate
    EXPECT_EQ(utf8Length("\xed\xbf\xbf"), std::nullopt);     // U+DFFF surrogate
    EXPECT_EQ(utf8Length("\xf4\x90\x80\x80"), std::nullopt); // U+110000
    EXPECT_EQ(utf8Length("\xf5\x80\x80\x80"), std::nullopt);
    EXPECT_EQ(utf8Length("\xff"), std::nullopt);
    EXPECT_EQ(utf8Length("ok\xfe"), std::nullopt);
}

TEST(ValidationTest, IsValidUtf8AgreesWithUtf8Length) {
    EXPECT_TRUE(isValidUtf8(""));
    EXPECT_TRUE(isValidUtf8("caf\xc3\xa9"));
    EXPECT_FALSE(isValidUtf8("caf\xe9"));
    EXPECT_FALSE(isValidUtf8("\xed\xa0\x80"));
}

TEST(ValidationTest, TrimRemovesAsciiWhitespaceAtBothEnds) {
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trim(" \t\r\n\f\v"), "");
    EXPECT_EQ(trim("  a b  "), "a b");
    EXPECT_EQ(trim("\tx\n"), "x");
    EXPECT_EQ(trim("x"), "x");
}

TEST(ValidationTest, TrimRemovesUnicodeWhiteSpaceSoThatTextOfItAloneIsEmpty) {
    EXPECT_EQ(trim("\xc2\xa0"), "");                                  // NBSP
    EXPECT_EQ(trim("\xe3\x80\x80\xe3\x80\x80"), "");                  // ideographic space U+3000
    EXPECT_EQ(trim("\xc2\x85\xe1\x9a\x80\xe2\x80\x80\xe2\x80\x8a"), ""); // NEL, U+1680, U+2000, U+200A
    EXPECT_EQ(trim("\xe2\x80\xa8\xe2\x80\xa9\xe2\x80\xaf\xe2\x81\x9f"), ""); // U+2028, U+2029, U+202F, U+205F
    EXPECT_EQ(trim("\xc2\xa0" "Ana\xe3\x80\x80L\xc3\xb3pez\xe3\x80\x80 "), "Ana\xe3\x80\x80L\xc3\xb3pez");
    // Not white space: a zero-width space, and characters whose UTF-8 shares bytes with spaces.
    EXPECT_EQ(trim("\xe2\x80\x8b"), "\xe2\x80\x8b");
    EXPECT_EQ(trim("\xc2\xa1"), "\xc2\xa1");
    // Malformed UTF-8 is content, and never read past the end.
    EXPECT_EQ(trim(" \xa0 "), "\xa0");
    EXPECT_EQ(trim("x \xe3\x80"), "x \xe3\x80");
}

TEST(ValidationTest, NormalizeEmailTrimsAndLowercases) {
    EXPECT_EQ(normalizeEmail("  Ana.Lopez@Example.COM \n"), "ana.lopez@example.com");
    EXPECT_EQ(normalizeEmail("ana@example.com"), "ana@example.com");
    EXPECT_EQ(normalizeEmail("\xc3\x89LOI@x.fr"), "\xc3\x89loi@x.fr"); // only ASCII letters change
}
