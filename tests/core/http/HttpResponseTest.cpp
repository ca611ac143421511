#include "core/http/HttpResponse.h"

#include <gtest/gtest.h>

using switchboard::core::http::HttpResponse;

TEST(HttpResponseTest, TheWireFormCarriesTheReasonPhraseHeadersLengthAndBody) {
    HttpResponse response;
    response.status = 404;
    response.body = R"({"error":{}})";
    response.setHeader("Cache-Control", "no-store");
    EXPECT_EQ(response.toWire(true, false), "HTTP/1.1 404 Not Found\r\n"
                                            "Cache-Control: no-store\r\n"
                                            "Content-Type: application/json\r\n"
                                            "Content-Length: 12\r\n"
                                            "\r\n"
                                            R"({"error":{}})");
}

TEST(HttpResponseTest, ReasonPhrasesAreRfc9110s) {
    const auto statusLine = [](int status) {
        HttpResponse response;
        response.status = status;
        const auto wire = response.toWire(true, false);
        return wire.substr(0, wire.find("\r\n"));
    };
    EXPECT_EQ(statusLine(201), "HTTP/1.1 201 Created");
    EXPECT_EQ(statusLine(408), "HTTP/1.1 408 Request Timeout");
    EXPECT_EQ(statusLine(413), "HTTP/1.1 413 Content Too Large");
    EXPECT_EQ(statusLine(422), "HTTP/1.1 422 Unprocessable Content");
    EXPECT_EQ(statusLine(429), "HTTP/1.1 429 Too Many Requests");
}

TEST(HttpResponseTest, AConnectionThatEndsSaysSo) {
    HttpResponse response;
    response.status = 503;
    response.body = "{}";
    const auto wire = response.toWire(false, false);
    EXPECT_EQ(wire.rfind("HTTP/1.1 503 Service Unavailable\r\n", 0), 0u);
    EXPECT_NE(wire.find("\r\nConnection: close\r\n"), std::string::npos);
}

TEST(HttpResponseTest, AnAnswerToHeadHasTheLengthOfTheBodyButNotTheBody) {
    HttpResponse response;
    response.contentType = "text/html";
    response.body = "<p>hello</p>";
    const auto wire = response.toWire(true, true);
    EXPECT_NE(wire.find("Content-Length: 12\r\n"), std::string::npos);
    EXPECT_TRUE(wire.ends_with("\r\n\r\n"));
}

TEST(HttpResponseTest, NoContentHasNeitherLengthNorType) {
    HttpResponse response;
    response.noContent();
    response.setHeader("Allow", "GET");
    EXPECT_EQ(response.toWire(true, false), "HTTP/1.1 204 No Content\r\nAllow: GET\r\n\r\n");
}
