#include "core/config/WidgetRegistry.h"

#include <gtest/gtest.h>

#include <thread>

using namespace switchboard::core::config;

namespace {

WidgetConfig widget(const std::string& id, const std::string& name, std::vector<std::string> origins = {}) {
    WidgetConfig config;
    config.id = id;
    config.name = name;
    config.allowedOrigins = std::move(origins);
    return config;
}

} // namespace

TEST(WidgetRegistryTest, FindsWidgetsById) {
    WidgetRegistry registry({widget("shop", "Shop"), widget("blog", "Blog")});

    ASSERT_NE(registry.find("shop"), nullptr);
    EXPECT_EQ(registry.find("shop")->name, "Shop");
    EXPECT_EQ(registry.find("blog")->name, "Blog");
    EXPECT_EQ(registry.find("missing"), nullptr);
}

TEST(WidgetRegistryTest, AllIsSortedById) {
    WidgetRegistry registry({widget("zeta", "Z"), widget("alpha", "A"), widget("mid", "M")});

    const auto all = registry.all();
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0]->id, "alpha");
    EXPECT_EQ(all[1]->id, "mid");
    EXPECT_EQ(all[2]->id, "zeta");
}

TEST(WidgetRegistryTest, ReplaceSwapsOneWidgetAndLeavesEarlierSnapshotsAlone) {
    WidgetRegistry registry({widget("shop", "Old name"), widget("blog", "Blog")});
    const auto before = registry.find("shop");

    registry.replace(widget("shop", "New name"));

    EXPECT_EQ(registry.find("shop")->name, "New name");
    EXPECT_EQ(before->name, "Old name");
    EXPECT_EQ(registry.all().size(), 2u);
}

TEST(WidgetRegistryTest, ReplaceAddsAnUnknownWidget) {
    WidgetRegistry registry({widget("shop", "Shop")});

    registry.replace(widget("new", "New"));

    ASSERT_NE(registry.find("new"), nullptr);
    EXPECT_EQ(registry.all().size(), 2u);
}

TEST(WidgetRegistryTest, ReadersSeeWholeWidgetsWhileOneIsReplaced) {
    WidgetRegistry registry({widget("shop", "v0")});
    std::thread writer([&registry] {
        for (int i = 1; i <= 2000; ++i) {
            registry.replace(widget("shop", "v" + std::to_string(i)));
        }
    });
    int whole = 0;
    for (int i = 0; i < 2000; ++i) {
        const auto current = registry.find("shop");
        const bool valid = current && current->name.starts_with('v') && registry.all().size() == 1;
        whole += valid ? 1 : 0;
    }
    writer.join();
    EXPECT_EQ(whole, 2000);
    EXPECT_EQ(registry.find("shop")->name, "v2000");
}

TEST(WidgetRegistryTest, OriginMustMatchSchemeHostAndPort) {
    const auto shop = widget("shop", "Shop", {"https://shop.example", "http://localhost:8080"});

    EXPECT_TRUE(WidgetRegistry::originAllowed(shop, "https://shop.example"));
    EXPECT_TRUE(WidgetRegistry::originAllowed(shop, "http://localhost:8080"));
    EXPECT_FALSE(WidgetRegistry::originAllowed(shop, "http://shop.example"));
    EXPECT_FALSE(WidgetRegistry::originAllowed(shop, "https://shop.example:8443"));
    EXPECT_FALSE(WidgetRegistry::originAllowed(shop, "https://evil.example"));
    EXPECT_FALSE(WidgetRegistry::originAllowed(shop, "https://shop.example.evil.example"));
    EXPECT_FALSE(WidgetRegistry::originAllowed(shop, "http://localhost:8081"));
    EXPECT_FALSE(WidgetRegistry::originAllowed(shop, "http://localhost"));
}

TEST(WidgetRegistryTest, OriginSchemeAndHostIgnoreCase) {
    const auto shop = widget("shop", "Shop", {"https://Shop.Example"});

    EXPECT_TRUE(WidgetRegistry::originAllowed(shop, "https://shop.example"));
    EXPECT_TRUE(WidgetRegistry::originAllowed(shop, "HTTPS://SHOP.EXAMPLE"));
}

TEST(WidgetRegistryTest, DefaultPortsEqualExplicitOnes) {
    const auto secure = widget("a", "A", {"https://shop.example:443"});
    const auto plain = widget("b", "B", {"http://shop.example"});

    EXPECT_TRUE(WidgetRegistry::originAllowed(secure, "https://shop.example"));
    EXPECT_TRUE(WidgetRegistry::originAllowed(plain, "http://shop.example:80"));
    EXPECT_FALSE(WidgetRegistry::originAllowed(plain, "http://shop.example:443"));
}

TEST(WidgetRegistryTest, MalformedOriginsAreNeverAllowed) {
    const auto shop = widget("shop", "Shop", {"https://shop.example"});

    EXPECT_FALSE(WidgetRegistry::originAllowed(shop, ""));
    EXPECT_FALSE(WidgetRegistry::originAllowed(shop, "null"));
    EXPECT_FALSE(WidgetRegistry::originAllowed(shop, "https://shop.example/"));
    EXPECT_FALSE(WidgetRegistry::originAllowed(shop, "https://user@shop.example"));
}

TEST(WidgetRegistryTest, StarAllowsEveryOrigin) {
    const auto open = widget("open", "Open", {"*"});

    EXPECT_TRUE(WidgetRegistry::originAllowed(open, "https://anything.example"));
    EXPECT_TRUE(WidgetRegistry::originAllowed(open, "http://127.0.0.1:3000"));
}

TEST(WidgetRegistryTest, WidgetWithoutOriginsAllowsNone) {
    EXPECT_FALSE(WidgetRegistry::originAllowed(widget("shop", "Shop"), "https://shop.example"));
}

TEST(WidgetRegistryTest, OriginAllowedByAnyChecksEveryWidget) {
    WidgetRegistry registry({widget("shop", "Shop", {"https://shop.example"}),
                             widget("blog", "Blog", {"https://blog.example"})});

    EXPECT_TRUE(registry.originAllowedByAny("https://blog.example"));
    EXPECT_TRUE(registry.originAllowedByAny("https://shop.example"));
    EXPECT_FALSE(registry.originAllowedByAny("https://other.example"));

    registry.replace(widget("other", "Other", {"https://other.example"}));
    EXPECT_TRUE(registry.originAllowedByAny("https://other.example"));
}
