// SPDX-License-Identifier: MIT
// A KDBX 3.x pooled attachment decoded from its XML text as the text comes (cxf/kdbx/binary_text.h).
#include <catch2/catch.hpp>

#include <string>

#include "cxf/crypto/hash.h"
#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/kdbx/binary_text.h"
#include "cxf/kdbx/gzip.h"
#include "cxf/kdbx/inner_stream.h"
#include "tests/kdbx/forge.h"
#include "tests/kdbx/kdbx_support.h"

using cxf::Errc;
using cxf::kdbx::InnerStream;
using cxf::kdbx::detail::BinaryText;
using cxf::kdbx::detail::InnerStreamCipher;
using namespace test::kdbx;

namespace {

// What a reader of the element's text needs: a file name, limits, the inner stream and a budget.
struct Context {
    explicit Context(cxf::Limits l = {}) : limits(l) {}
    std::string file = "pool.kdbx";
    cxf::Limits limits;
    InnerStreamCipher stream{InnerStream::salsa20, forged_stream_key()};
    std::uint64_t budget = 1ull << 32;
    cxf::kdbx::detail::XmlReadContext get() { return {file, limits, {3, 1}, stream, {}, budget}; }
};

// The element's text as a writer lays it out: base64 in lines of 76 characters, indented.
std::string laid_out(const std::string& base64) {
    std::string text = "\n\t\t\t";
    for (std::size_t at = 0; at < base64.size(); at += 76) text += base64.substr(at, 76) + "\n\t\t\t";
    return text;
}

// Feeds `text` in pieces of `piece` bytes.
cxf::crypto::SecureBytes decoded(cxf::kdbx::detail::XmlReadContext context, const std::string& text, std::size_t piece,
                                 bool is_protected, bool compressed) {
    BinaryText binary(context, is_protected, compressed, "Binary", 12);
    for (std::size_t at = 0; at < text.size(); at += piece) binary.feed(std::string_view(text).substr(at, piece), 13);
    return binary.finish();
}

}  // namespace

TEST_CASE("a pooled attachment's text decodes as it comes, in pieces of any size, to what it decodes to whole", "[kdbx]") {
    // Random bytes, then compressible text: long enough to be decoded in several steps.
    cxf::crypto::SecureBytes data = cxf::crypto::random_bytes(150000);
    for (int i = 0; data.size() < 300000; ++i) {
        const std::string line = "line " + std::to_string(i) + "\n";
        data.insert(data.end(), line.begin(), line.end());
    }
    for (const bool is_protected : {false, true})
        for (const bool compressed : {false, true}) {
            CAPTURE(is_protected, compressed);
            cxf::crypto::SecureBytes stored = compressed ? cxf::kdbx::detail::gzip(data, 6) : data;
            if (is_protected) InnerStreamCipher(InnerStream::salsa20, forged_stream_key()).apply(stored);
            const std::string text = laid_out(cxf::encoding::base64_encode(stored));
            for (const std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{4096}, text.size()}) {
                CAPTURE(piece);
                Context context;
                CHECK(cxf::crypto::equal_ct(decoded(context.get(), text, piece, is_protected, compressed), data));
                if (compressed) CHECK(context.budget == (1ull << 32) - data.size());
            }
        }
}

TEST_CASE("a pooled attachment's bad text fails at its element, as it would whole", "[kdbx]") {
    const std::string good = cxf::encoding::base64_encode(cxf::crypto::random_bytes(200000));

    std::string bad_character = good;
    bad_character[150000] = '!';
    Context c1;
    const cxf::Error character = error_of([&] { decoded(c1.get(), bad_character, 4096, false, false); });
    CHECK(character.code() == Errc::malformed);
    CHECK(character.where().place == "XML line 12 (Binary)");
    CHECK(std::string(character.what()).find("not base64") != std::string::npos);

    // Padding inside the text: what follows waits for the end, where the decoder refuses it whole.
    const std::string padded_inside = "QUI=" + good;
    CHECK_FALSE(cxf::encoding::base64_decode(padded_inside));
    Context c2;
    CHECK(error_of([&] { decoded(c2.get(), padded_inside, 4096, false, false); }).code() == Errc::malformed);

    // An empty element marked compressed is empty content; a short bomb is held to the ratio.
    Context c3;
    CHECK(decoded(c3.get(), "\n\t", 1, false, true).empty());
    const cxf::crypto::SecureBytes bomb = cxf::kdbx::detail::gzip(cxf::crypto::SecureBytes(500000, 0), 9);
    cxf::Limits strict;
    strict.max_compression_ratio = 100;
    REQUIRE(bomb.size() * strict.max_compression_ratio < 500000);  // under the MiB the inflater lets through
    Context c4(strict);
    const cxf::Error ratio = error_of([&] { decoded(c4.get(), cxf::encoding::base64_encode(bomb), 4096, false, true); });
    CHECK(ratio.code() == Errc::limit_exceeded);
    CHECK(ratio.where().place == "XML line 12 (Binary)");

    cxf::Limits small;
    small.max_input_bytes = 100000;
    Context c5(small);
    const cxf::Error long_text = error_of([&] { decoded(c5.get(), good, 4096, false, false); });
    CHECK(long_text.code() == Errc::limit_exceeded);
    CHECK(long_text.where().place == "XML line 13 (Binary)");
}
