#include "core/realtime/Utf8Validator.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

using switchboard::core::realtime::Utf8Validator;

namespace {

bool validWhole(std::string_view bytes) {
    Utf8Validator validator;
    return validator.feed(bytes) && validator.complete();
}

// Validates `bytes` cut at every single offset and one byte at a time; all must agree with the whole.
void expectSameAtEverySplit(std::string_view bytes) {
    const bool expected = validWhole(bytes);
    for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
        Utf8Validator validator;
        validator.feed(bytes.substr(0, cut));
        validator.feed(bytes.substr(cut));
        EXPECT_EQ(validator.complete(), expected) << "cut at " << cut;
    }
    Utf8Validator validator;
    for (char c : bytes) validator.feed(std::string_view(&c, 1));
    EXPECT_EQ(validator.complete(), expected);
}

} // namespace

TEST(Utf8ValidatorTest, AcceptsWellFormedText) {
    EXPECT_TRUE(validWhole(""));
    EXPECT_TRUE(validWhole("plain ASCII"));
    EXPECT_TRUE(validWhole("\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5")); // κόσμε
    EXPECT_TRUE(validWhole("Hello-\xc2\xb5@\xc3\x9f\xc3\xb6\xc3\xa4\xc3\xbc\xc3\xa0\xc3\xa1-UTF-8!!"));
    EXPECT_TRUE(validWhole("\xf0\x9f\x98\x80 \xe2\x82\xac")); // 😀 €
}

TEST(Utf8ValidatorTest, AcceptsTheBoundariesOfEachSequenceLength) {
    EXPECT_TRUE(validWhole(std::string(1, '\0')));
    EXPECT_TRUE(validWhole("\x7f"));
    EXPECT_TRUE(validWhole("\xc2\x80"));         // U+0080
    EXPECT_TRUE(validWhole("\xdf\xbf"));         // U+07FF
    EXPECT_TRUE(validWhole("\xe0\xa0\x80"));     // U+0800
    EXPECT_TRUE(validWhole("\xed\x9f\xbf"));     // U+D7FF, just below the surrogates
    EXPECT_TRUE(validWhole("\xee\x80\x80"));     // U+E000, just above them
    EXPECT_TRUE(validWhole("\xef\xbf\xbd"));     // U+FFFD
    EXPECT_TRUE(validWhole("\xef\xbf\xbf"));     // U+FFFF, a noncharacter but well-formed
    EXPECT_TRUE(validWhole("\xf0\x90\x80\x80")); // U+10000
    EXPECT_TRUE(validWhole("\xf4\x8f\xbf\xbf")); // U+10FFFF
}

TEST(Utf8ValidatorTest, RejectsOverlongForms) {
    EXPECT_FALSE(validWhole("\xc0\xaf"));
    EXPECT_FALSE(validWhole("\xe0\x80\xaf"));
    EXPECT_FALSE(validWhole("\xf0\x80\x80\xaf"));
    EXPECT_FALSE(validWhole("\xc1\xbf"));         // largest overlong two-byte form
    EXPECT_FALSE(validWhole("\xe0\x9f\xbf"));     // largest overlong three-byte form
    EXPECT_FALSE(validWhole("\xf0\x8f\xbf\xbf")); // largest overlong four-byte form
    EXPECT_FALSE(validWhole("\xc0\x80"));         // overlong NUL
}

TEST(Utf8ValidatorTest, RejectsSurrogates) {
    for (std::string_view surrogate : {"\xed\xa0\x80", "\xed\xad\xbf", "\xed\xae\x80", "\xed\xaf\xbf", "\xed\xb0\x80",
                                       "\xed\xbe\x80", "\xed\xbf\xbf", "\xed\xa0\x80\xed\xb0\x80"}) {
        EXPECT_FALSE(validWhole(surrogate));
    }
}

TEST(Utf8ValidatorTest, RejectsCodePointsAboveTheUnicodeRange) {
    EXPECT_FALSE(validWhole("\xf4\x90\x80\x80")); // U+110000
    EXPECT_FALSE(validWhole("\xf5\x80\x80\x80"));
    EXPECT_FALSE(validWhole("\xf7\xbf\xbf\xbf"));
    EXPECT_FALSE(validWhole("\xf8\x88\x80\x80\x80")); // old five-byte form
    EXPECT_FALSE(validWhole("\xfc\x84\x80\x80\x80\x80"));
    EXPECT_FALSE(validWhole("\xfe"));
    EXPECT_FALSE(validWhole("\xff"));
}

TEST(Utf8ValidatorTest, RejectsStrayContinuationAndLonelyStartBytes) {
    EXPECT_FALSE(validWhole("\x80"));
    EXPECT_FALSE(validWhole("\xbf"));
    EXPECT_FALSE(validWhole("a\x80\xbf\x80"));
    EXPECT_FALSE(validWhole("\xc2 "));
    EXPECT_FALSE(validWhole("\xe0 "));
    EXPECT_FALSE(validWhole("\xf0 "));
    EXPECT_FALSE(validWhole("\xe2\x82\xac\xac")); // one continuation too many
}

TEST(Utf8ValidatorTest, TreatsAnUnfinishedSequenceAsIncompleteNotFailed) {
    for (std::string_view truncated : {"\xc2", "\xe2\x82", "\xf0\x9f\x98", "ok \xf0"}) {
        Utf8Validator validator;
        EXPECT_TRUE(validator.feed(truncated));
        EXPECT_FALSE(validator.failed());
        EXPECT_FALSE(validator.complete());
    }
}

TEST(Utf8ValidatorTest, FailsAtTheFirstByteThatRulesTheTextOut) {
    for (std::string_view prefix : {"\xed\xa0", "\xf4\x90", "\xe0\x80", "\xf0\x80", "\xc0", "\xf5"}) {
        Utf8Validator validator;
        EXPECT_FALSE(validator.feed(prefix)) << testing::PrintToString(std::string(prefix));
    }
}

TEST(Utf8ValidatorTest, GivesTheSameAnswerWhereverTheInputIsCut) {
    expectSameAtEverySplit("\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5 \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf");
    expectSameAtEverySplit("ab\xed\x9f\xbf cd \xed\xa0\x80");
    expectSameAtEverySplit("\xf0\x90\x80\x80\xf4\x90\x80\x80");
    expectSameAtEverySplit("ends mid \xe2\x82");
}

TEST(Utf8ValidatorTest, FindsBadBytesPastLongAsciiRuns) {
    const std::string ascii(37, 'a');
    EXPECT_TRUE(validWhole(ascii + "\xe2\x82\xac" + ascii));
    EXPECT_FALSE(validWhole(ascii + "\xff" + ascii));
    EXPECT_FALSE(validWhole(ascii + "\xe2\x82" + ascii));
    expectSameAtEverySplit(ascii + "\xc3\xa9" + ascii + "\xc3" + ascii);
}

TEST(Utf8ValidatorTest, StaysFailedUntilReset) {
    Utf8Validator validator;
    EXPECT_FALSE(validator.feed("\xff"));
    EXPECT_FALSE(validator.feed("fine"));
    EXPECT_FALSE(validator.complete());
    validator.reset();
    EXPECT_TRUE(validator.feed("fine"));
    EXPECT_TRUE(validator.complete());
}

TEST(Utf8ValidatorTest, ResetDropsAnOpenSequence) {
    Utf8Validator validator;
    EXPECT_TRUE(validator.feed("\xe2\x82"));
    validator.reset();
    EXPECT_TRUE(validator.complete());
    EXPECT_FALSE(validator.feed("\xac"));
}
