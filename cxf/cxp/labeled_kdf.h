// SPDX-License-Identifier: MIT
// Internal: HKDF (RFC 5869) and HPKE's labeled forms of it (RFC 9180 §4), with suite ids.
#pragma once

#include <string_view>

#include "cxf/cxp/suite.h"
#include "cxf/secret.h"

namespace cxf::cxp::hpke::detail {

// RFC 9180 §4.1: "KEM" || I2OSP(kem_id, 2), and §5.1: "HPKE" || kem_id || kdf_id || aead_id.
Bytes kem_suite_id(Kem kem);
Bytes hpke_suite_id(const Suite& suite);

crypto::SecureBytes labeled_extract(Kdf kdf, ByteView suite_id, ByteView salt, std::string_view label, ByteView ikm);
crypto::SecureBytes labeled_expand(Kdf kdf, ByteView suite_id, ByteView prk, std::string_view label, ByteView info,
                                   std::size_t length);

}  // namespace cxf::cxp::hpke::detail
