#include "core/conversation/MessageAttachment.h"

#include <Poco/JSON/Object.h>

#include <gtest/gtest.h>

#include <stdexcept>

using switchboard::core::conversation::MessageAttachment;

TEST(MessageAttachmentTest, NoneIsStoredAsNothingAndFilesSurviveTheDatabaseText) {
    EXPECT_EQ(MessageAttachment::toText({}), "");
    EXPECT_TRUE(MessageAttachment::fromText("").empty());
    const std::vector<MessageAttachment> files{{"invoice.pdf", "application/pdf", 48213, "https://files.example/1"},
                                               {"photo \"1\".jpg", "image/jpeg", 0, "https://files.example/2"}};
    EXPECT_EQ(MessageAttachment::fromText(MessageAttachment::toText(files)), files);
    const auto json = MessageAttachment::toJson(files);
    ASSERT_EQ(json->size(), 2u);
    EXPECT_EQ(json->getObject(0)->getValue<std::string>("content_type"), "application/pdf");
    EXPECT_EQ(json->getObject(0)->getValue<int>("size_bytes"), 48213);
}

TEST(MessageAttachmentTest, TextItDidNotWriteIsABrokenInvariant) {
    EXPECT_THROW(MessageAttachment::fromText("{"), std::runtime_error);
    EXPECT_THROW(MessageAttachment::fromText("[1]"), std::runtime_error);
    EXPECT_THROW(MessageAttachment::fromText(R"([{"name": "a"}])"), std::runtime_error);
}
