#include "core/realtime/ConnectionAdmission.h"

#include <gtest/gtest.h>

using switchboard::core::realtime::ConnectionAdmission;
using Verdict = ConnectionAdmission::Verdict;

TEST(ConnectionAdmissionTest, RefusesAnAddressPastItsShareAndAdmitsItAgainOnceOneCloses) {
    ConnectionAdmission admission(10, 2, nullptr);
    EXPECT_EQ(admission.admit("192.0.2.1"), Verdict::Admitted);
    EXPECT_EQ(admission.admit("192.0.2.1"), Verdict::Admitted);
    EXPECT_EQ(admission.admit("192.0.2.1"), Verdict::TooManyFromAddress);
    EXPECT_EQ(admission.admit("192.0.2.2"), Verdict::Admitted) << "other addresses are not affected";
    EXPECT_EQ(admission.open(), 3u);
    admission.release("192.0.2.1");
    EXPECT_EQ(admission.admit("192.0.2.1"), Verdict::Admitted);
}

TEST(ConnectionAdmissionTest, RefusesEveryoneOnceTheTotalIsReached) {
    ConnectionAdmission admission(2, 5, nullptr);
    EXPECT_EQ(admission.admit("192.0.2.1"), Verdict::Admitted);
    EXPECT_EQ(admission.admit("192.0.2.2"), Verdict::Admitted);
    EXPECT_EQ(admission.admit("192.0.2.3"), Verdict::TooManyInAll);
    admission.release("192.0.2.2");
    EXPECT_EQ(admission.admit("192.0.2.3"), Verdict::Admitted);
    EXPECT_EQ(admission.open(), 2u);
}

TEST(ConnectionAdmissionTest, ExemptAddressesCountOnlyTowardsTheTotal) {
    ConnectionAdmission admission(3, 1, [](const std::string& address) { return address == "10.0.0.1"; });
    EXPECT_EQ(admission.admit("10.0.0.1"), Verdict::Admitted);
    EXPECT_EQ(admission.admit("10.0.0.1"), Verdict::Admitted);
    EXPECT_EQ(admission.admit("10.0.0.1"), Verdict::Admitted);
    EXPECT_EQ(admission.admit("10.0.0.1"), Verdict::TooManyInAll);
    admission.release("10.0.0.1");
    EXPECT_EQ(admission.admit("192.0.2.1"), Verdict::Admitted);
}
