#pragma once

#include <string>
#include <string_view>

namespace cpconf {

// The SHA-256 digest of data in lower-case hex (64 characters), from OpenSSL's libcrypto: for
// what must not be forged or reversed cheaply (the tree cache's record hashes, the baseline's
// fingerprints), where a fast non-cryptographic hash would let a crafted input collide.
std::string sha256_hex(std::string_view data);

}  // namespace cpconf
