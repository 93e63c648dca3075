// SPDX-License-Identifier: MIT
// crypto::argon2 against the known answers of RFC 9106 §5 and the reference implementation's kats/.
#include <catch2/catch.hpp>

#include "cxf/crypto/argon2.h"
#include "cxf/encoding/base64.h"
#include "cxf/error.h"

using namespace cxf;
using crypto::Argon2Params;
using crypto::Argon2Type;
using crypto::Argon2Version;

namespace {

// RFC 9106 §5: password 32 × 0x01, salt 16 × 0x02, secret 8 × 0x03, associated data 12 × 0x04,
// 3 passes over 32 KiB in 4 lanes, a 32-byte tag.
std::string kat(Argon2Type type, Argon2Version version) {
    const Bytes password(32, 0x01), salt(16, 0x02), secret(8, 0x03), ad(12, 0x04);
    Argon2Params params;
    params.type = type;
    params.version = version;
    params.iterations = 3;
    params.memory_kib = 32;
    params.lanes = 4;
    params.secret = secret;
    params.associated_data = ad;
    return encoding::hex_encode(crypto::argon2(password, salt, params, 32));
}

}  // namespace

TEST_CASE("Argon2d and Argon2id give the known answers, versions 0x13 and 0x10", "[unit][argon2]") {
    // RFC 9106 §5.1 and §5.3
    CHECK(kat(Argon2Type::d, Argon2Version::v13) == "512b391b6f1162975371d30919734294f868e3be3984f3c1a13a4db9fabe4acb");
    CHECK(kat(Argon2Type::id, Argon2Version::v13) == "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    // phc-winner-argon2 kats/argon2d_v16
    CHECK(kat(Argon2Type::d, Argon2Version::v10) == "96a9d4e5a1734092c85e29f410a45914a5dd1f5cbf08b2670da68a0285abf32b");
}

TEST_CASE("Argon2 parameters libargon2 refuses are unsupported", "[unit][argon2]") {
    const Bytes salt(4, 0);  // under libargon2's 8 bytes
    CHECK_THROWS_MATCHES(crypto::argon2(salt, salt, {}), Error,
                         Catch::Predicate<Error>([](const Error& e) { return e.code() == Errc::unsupported; }));
}
