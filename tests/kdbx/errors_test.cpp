// SPDX-License-Identifier: MIT
// Wrong keys, damage, truncation and hostile input: each gives its own Errc and place, quickly,
// never a crash, a hang or an unbounded allocation.
#include <catch2/catch.hpp>

#include <chrono>

#include "cxf/encoding/base64.h"
#include "cxf/kdbx/gzip.h"
#include "cxf/kdbx/header.h"
#include "cxf/kdbx/inner_header.h"
#include "tests/kdbx/forge.h"
#include "tests/kdbx/kdbx_support.h"
#include "tests/support/peak_memory.h"

using namespace test::kdbx;
using cxf::Errc;

namespace {

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

cxf::Error open_error(cxf::ByteView file, const CompositeKey& key, const cxf::Limits& limits = {}) {
    return error_of([&] { open(file, key, limits, "hostile.kdbx"); });
}

std::size_t header_size(cxf::ByteView file) { return cxf::kdbx::detail::parse_header(file, "f").size; }

constexpr std::string_view minimal_xml =
    "<KeePassFile><Meta><Generator>t</Generator></Meta><Root><Group><Name>r</Name></Group></Root></KeePassFile>";

}  // namespace

TEST_CASE("KDBX 4: a wrong password and a damaged header are told apart", "[kdbx]") {
    const cxf::Bytes file = fixture("keepassxc/Format400.kdbx");
    const cxf::Error wrong = open_error(file, password_key("not-t"));
    CHECK(wrong.code() == Errc::wrong_password);
    CHECK(contains(wrong.where().place, "header HMAC"));
    CHECK(wrong.where().file == "hostile.kdbx");

    // Flip one bit of the master seed: still a well-formed header, but not the one that was hashed.
    cxf::Bytes damaged = file;
    const cxf::Bytes seed = cxf::kdbx::detail::parse_header(file, "f").master_seed;
    const auto at = std::search(damaged.begin(), damaged.end(), seed.begin(), seed.end());
    REQUIRE(at != damaged.end());
    *(at + 5) ^= 0x01;
    const auto start = std::chrono::steady_clock::now();
    const cxf::Error e = open_error(damaged, password_key("t"));
    CHECK(e.code() == Errc::integrity);
    CHECK(contains(e.what(), "header is damaged"));
    CHECK(contains(e.where().place, "header SHA-256"));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(50));  // before the KDF
}

TEST_CASE("KDBX 3.1: a wrong password cannot be told from damage, and says so", "[kdbx]") {
    const cxf::Error e = open_error(fixture("keepassxc/ProtectedStrings.kdbx"), password_key("not-masterpw"));
    CHECK(e.code() == Errc::wrong_password);
    CHECK(std::string(e.what()) == "wrong password or key file, or the file is damaged");
}

TEST_CASE("Meta/HeaderHash and the key file checksum catch damage, distinct from a wrong password", "[kdbx]") {
    const cxf::Bytes broken = fixture("keepassxc/BrokenHeaderHash.kdbx");
    const cxf::Error damaged = open_error(broken, password_key(""));
    CHECK(damaged.code() == Errc::integrity);
    CHECK(contains(damaged.what(), "Meta/HeaderHash"));
    CHECK(contains(damaged.where().place, "XML line"));
    CHECK(open_error(broken, password_key("x")).code() == Errc::wrong_password);

    const cxf::Error key = error_of([] { key_for({{}, "keepassxc/FileKeyXmlV2HashFail.keyx"}); });
    CHECK(key.code() == Errc::integrity);
    CHECK(contains(key.what(), "checksum mismatch"));
    CHECK(key.where().file == "keepassxc/FileKeyXmlV2HashFail.keyx");
}

TEST_CASE("an empty Meta/HeaderHash is skipped, as KeePass and KeePassXC skip it", "[kdbx]") {
    const CompositeKey key = password_key("x");
    for (const std::string hash : {"<HeaderHash/>", "<HeaderHash> \n </HeaderHash>"}) {
        CAPTURE(hash);
        const std::string xml = "<KeePassFile><Meta><Generator>t</Generator>" + hash +
                                "</Meta><Root><Group><Name>r</Name></Group></Root></KeePassFile>";
        CHECK(open(forge_kdbx4(xml, key), key, {}, "empty-hash.kdbx").root.name == "r");
    }
    const std::string other = "<KeePassFile><Meta><HeaderHash>AAAA</HeaderHash></Meta><Root><Group/></Root></KeePassFile>";
    CHECK(open_error(forge_kdbx4(other, key), key).code() == Errc::integrity);
}

TEST_CASE("KDBX 4: a flipped payload bit or a bad block HMAC fails that block before decryption", "[kdbx]") {
    const cxf::Bytes file = fixture("keepassxc/Format400.kdbx");
    const std::size_t block0 = header_size(file) + 64;

    cxf::Bytes flipped = file;
    flipped[block0 + 36 + 100] ^= 0x80;
    const cxf::Error data = open_error(flipped, password_key("t"));
    CHECK(data.code() == Errc::integrity);
    CHECK(data.where().place == "offset " + std::to_string(block0) + " (block 0)");

    cxf::Bytes bad_mac = file;
    bad_mac[block0 + 3] ^= 0x01;
    const cxf::Error mac = open_error(bad_mac, password_key("t"));
    CHECK(mac.code() == Errc::integrity);
    CHECK(contains(mac.what(), "block 0"));

    // The final empty block's HMAC counts too.
    cxf::Bytes bad_final = file;
    bad_final[file.size() - 36] ^= 0x01;
    const cxf::Error final_block = open_error(bad_final, password_key("t"));
    CHECK(final_block.code() == Errc::integrity);
    CHECK(contains(final_block.what(), "block 1"));
}

TEST_CASE("KDBX 3.1: a flipped payload bit fails the hashed block", "[kdbx]") {
    const cxf::Bytes file = fixture("keepassxc/ProtectedStrings.kdbx");
    const std::size_t header = header_size(file);
    cxf::Bytes flipped = file;
    flipped[header + (file.size() - header) / 2] ^= 0x04;
    const cxf::Error e = open_error(flipped, password_key("masterpw"));
    CHECK(e.code() == Errc::integrity);
    CHECK(contains(e.where().place, "decrypted payload offset 0 (block 0)"));
}

TEST_CASE("KDBX 3.1: damage or truncation in the last blocks is corruption and not a wrong password", "[kdbx]") {
    const cxf::Bytes file = fixture("keepassxc/ProtectedStrings.kdbx");
    const auto flipped = [&](std::size_t from_end) {
        cxf::Bytes f = file;
        f[f.size() - from_end] ^= 0x5a;
        return f;
    };
    const auto cut = [&](std::size_t n) { return cxf::Bytes(file.begin(), file.end() - static_cast<std::ptrdiff_t>(n)); };
    const std::vector<std::pair<std::string, cxf::Bytes>> damaged = {
        {"last byte flipped", flipped(1)},           {"last block flipped", flipped(9)},
        {"next to last block flipped", flipped(20)}, {"hashed block data flipped", flipped(60)},
        {"last cipher block cut off", cut(16)},      {"two cipher blocks cut off", cut(32)},
        {"a partial block cut off", cut(5)},
    };
    for (const auto& [what, bytes] : damaged) {
        CAPTURE(what);
        const cxf::Error e = open_error(bytes, password_key("masterpw"));
        CHECK((e.code() == Errc::integrity || e.code() == Errc::malformed));
        CHECK(contains(e.where().place, "offset "));
        CHECK(e.where().file == "hostile.kdbx");
    }
    CHECK(open_error(cut(16), password_key("not-masterpw")).code() == Errc::wrong_password);
}

TEST_CASE("truncated files are malformed, at every stage", "[kdbx]") {
    const cxf::Bytes v4 = fixture("keepassxc/Format400.kdbx");
    const std::size_t h4 = header_size(v4);
    const auto cut = [](const cxf::Bytes& f, std::size_t n) {
        return cxf::Bytes(f.begin(), f.begin() + static_cast<std::ptrdiff_t>(n));
    };

    CHECK(open_error(cut(v4, 8), password_key("t")).code() == Errc::unrecognized);
    const cxf::Error in_header = open_error(cut(v4, 60), password_key("t"));
    CHECK(in_header.code() == Errc::malformed);
    CHECK(contains(in_header.what(), "truncated"));
    CHECK(contains(in_header.where().place, "offset "));
    const cxf::Error no_hash = open_error(cut(v4, h4 + 40), password_key("t"));
    CHECK(no_hash.code() == Errc::malformed);
    CHECK(contains(no_hash.where().place, "header hash"));
    const cxf::Error in_block = open_error(cut(v4, v4.size() - 50), password_key("t"));
    CHECK(in_block.code() == Errc::malformed);
    CHECK(contains(in_block.what(), "truncated"));
    const cxf::Error no_final = open_error(cut(v4, v4.size() - 36), password_key("t"));
    CHECK(no_final.code() == Errc::malformed);
    CHECK(contains(no_final.what(), "final (empty) block"));

    const cxf::Bytes v3 = fixture("keepassxc/ProtectedStrings.kdbx");
    const std::size_t h3 = header_size(v3);
    const cxf::Error only_header = open_error(cut(v3, h3), password_key("masterpw"));
    CHECK(only_header.code() == Errc::malformed);
    CHECK(contains(only_header.what(), "nothing follows the header"));
    const cxf::Error partial = open_error(cut(v3, v3.size() - 7), password_key("masterpw"));
    CHECK(partial.code() == Errc::malformed);
    CHECK(contains(partial.what(), "not a whole number of cipher blocks"));
}

TEST_CASE("absurd KDF parameters are refused before any work", "[kdbx]") {
    KdfParameters argon;
    argon.kdf = Kdf::argon2d;
    argon.salt = cxf::Bytes(32, 1);
    argon.memory_bytes = 1ull << 40;  // 1 TiB
    argon.iterations = 2;
    argon.parallelism = 2;
    KdfParameters passes = argon;
    passes.memory_bytes = 1 << 20;
    passes.iterations = 0xFFFFFFFF;
    KdfParameters rounds;
    rounds.kdf = Kdf::aes_kdf;
    rounds.salt = cxf::Bytes(32, 2);
    rounds.rounds = 1ull << 40;

    struct Case {
        KdfParameters kdf;
        FormatVersion version;
        std::string_view mentions;
    };
    for (const Case& c : {Case{argon, {4, 0}, "1099511627776"}, Case{passes, {4, 1}, "4294967295"},
                          Case{rounds, {4, 0}, "1099511627776"}, Case{rounds, {3, 1}, "1099511627776"}}) {
        CAPTURE(c.mentions, c.version.major);
        const auto start = std::chrono::steady_clock::now();
        const cxf::Error e = open_error(forge_header(c.kdf, c.version), password_key("x"));
        CHECK(e.code() == Errc::limit_exceeded);
        CHECK(contains(e.what(), c.mentions));
        CHECK(contains(e.what(), "cap"));
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(100));
    }

    KdfParameters no_lanes = argon;
    no_lanes.memory_bytes = 1 << 20;
    no_lanes.parallelism = 0;
    CHECK(open_error(forge_header(no_lanes, {4, 0}), password_key("x")).code() == Errc::malformed);
    KdfParameters short_salt = no_lanes;
    short_salt.parallelism = 1;
    short_salt.salt = cxf::Bytes(4, 0);
    CHECK(open_error(forge_header(short_salt, {4, 0}), password_key("x")).code() == Errc::malformed);
}

TEST_CASE("header fields with absurd or negative lengths are refused", "[kdbx]") {
    // signature, version 4.0, then CipherID claiming 2^31-1 bytes
    cxf::Bytes huge = {0x03, 0xD9, 0xA2, 0x9A, 0x67, 0xFB, 0x4B, 0xB5, 0x00,
                       0x00, 0x04, 0x00, 0x02, 0xFF, 0xFF, 0xFF, 0x7F, 0x31};
    const cxf::Error e = error_of([&] { read_header_info(huge, "huge.kdbx"); });
    CHECK(e.code() == Errc::malformed);
    CHECK(e.where().place == "offset 17 (CipherID)");
    CHECK(contains(e.what(), "2147483647 bytes"));

    huge[16] = 0x80;  // -2^31
    const cxf::Error negative = error_of([&] { read_header_info(huge, "huge.kdbx"); });
    CHECK(negative.code() == Errc::malformed);
    CHECK(contains(negative.what(), "negative length"));

    // A KdfParameters dictionary whose name length runs past its end.
    cxf::Bytes dict = {0x03, 0xD9, 0xA2, 0x9A, 0x67, 0xFB, 0x4B, 0xB5, 0x00, 0x00, 0x04, 0x00,
                       0x0B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x01, 0x42, 0x00, 0x00, 0x01, 0x00, 0x41};
    const cxf::Error variant = error_of([&] { read_header_info(dict, "dict.kdbx"); });
    CHECK(variant.code() == Errc::malformed);
    CHECK(contains(variant.what(), "KdfParameters name"));
}

TEST_CASE("KeePass 1.x files and non-KDBX input are recognised and refused clearly", "[kdbx]") {
    const cxf::Bytes kdb = {0x03, 0xD9, 0xA2, 0x9A, 0x65, 0xFB, 0x4B, 0xB5, 0x03, 0x00, 0x03, 0x00, 0, 0, 0, 0};
    CHECK(detect(kdb) == cxf::Confidence::yes);
    const cxf::Error e = error_of([&] { read_header_info(kdb, "old.kdb"); });
    CHECK(e.code() == Errc::unsupported);
    CHECK(contains(e.what(), "KeePass 1.x .kdb is not supported"));
    CHECK(open_error(kdb, password_key("x")).code() == Errc::unsupported);

    const cxf::Bytes json = {'{', '"', 'a', '"', ':', '1', '}', ' ', ' ', ' ', ' ', ' '};
    CHECK(detect(json) == cxf::Confidence::no);
    CHECK(detect(fixture("keepassxc/Format400.kdbx")) == cxf::Confidence::yes);
    CHECK(error_of([&] { read_header_info(json, "x.json"); }).code() == Errc::unrecognized);

    cxf::Bytes future = fixture("keepassxc/Format400.kdbx");
    future[10] = 5;  // major version 5
    CHECK(error_of([&] { read_header_info(future, "f"); }).code() == Errc::unsupported);
}

TEST_CASE("a gzip bomb stops at the decompression caps", "[kdbx]") {
    const CompositeKey key = password_key("bomb");
    cxf::io::MemoryOutput header;
    cxf::kdbx::detail::write_inner_header(InnerStream::none, {}, {}, header);
    cxf::crypto::SecureBytes payload = std::move(header.bytes());
    payload.resize(payload.size() + (8 << 20), ' ');  // 8 MiB of spaces compresses about 1000:1
    const cxf::Bytes file = forge_kdbx4({}, key, Compression::gzip, payload);
    CHECK(file.size() < 64 * 1024);

    cxf::Limits absolute;
    absolute.max_decompressed_bytes = 1 << 20;
    const cxf::Error big = open_error(file, key, absolute);
    CHECK(big.code() == Errc::limit_exceeded);
    CHECK(contains(big.what(), "cap of 1048576 bytes"));

    cxf::Limits ratio;
    ratio.max_compression_ratio = 50;
    const cxf::Error dense = open_error(file, key, ratio);
    CHECK(dense.code() == Errc::limit_exceeded);
    CHECK(contains(dense.what(), "50 times"));
}

TEST_CASE("a gzip bomb is refused as its bytes stream out and not after inflating it all", "[kdbx]") {
    const CompositeKey key = password_key("bomb");
    cxf::Bytes file;
    {
        cxf::io::MemoryOutput header;
        cxf::kdbx::detail::write_inner_header(InnerStream::none, {}, {}, header);
        cxf::crypto::SecureBytes payload = std::move(header.bytes());
        payload.resize(payload.size() + (32 << 20), ' ');  // about 1030:1, over the default ratio of 1000
        file = forge_kdbx4({}, key, Compression::gzip, payload);
    }
    std::optional<cxf::Error> e;
    const std::uint64_t growth = test::peak_memory_growth([&] { e = open_error(file, key); });
    CHECK(e->code() == Errc::limit_exceeded);
    CHECK(contains(e->what(), "1000 times"));
    CHECK(growth < (8u << 20));  // inflating it all held 32 MiB, twice over
}

TEST_CASE("a gzip trailer claiming a huge size reserves no memory for it", "[kdbx]") {
    cxf::crypto::SecureBytes zipped = cxf::kdbx::detail::gzip(cxf::as_bytes("small"));
    std::fill(zipped.end() - 4, zipped.end(), 0xF0);  // ISIZE: about 4 GiB
    cxf::Limits limits;  // limits that allow the claim, so only the trailer stands in the way
    limits.max_compression_ratio = 1'000'000'000;
    std::uint64_t budget = 256 << 20;
    std::optional<cxf::Error> e;
    const std::uint64_t growth = test::peak_memory_growth([&] {
        e = error_of([&] { cxf::kdbx::detail::gunzip(zipped, limits, budget, "lying.kdbx", "payload"); });
    });
    CHECK(e->code() == Errc::malformed);
    CHECK(growth < (8u << 20));
}

TEST_CASE("the decompression cap counts the payload and every compressed attachment together", "[kdbx]") {
    const CompositeKey key = password_key("bomb");
    const std::string inflated(600 << 10, 'a');
    const cxf::crypto::SecureBytes zipped = cxf::kdbx::detail::gzip(cxf::as_bytes(inflated));
    const std::string xml = "<KeePassFile><Meta><Generator>" + inflated +
                            "</Generator></Meta><Root><Group><Name>r</Name><Entry><Binary><Key>a</Key>"
                            "<Value Compressed=\"True\">" + cxf::encoding::base64_encode(zipped) +
                            "</Value></Binary></Entry></Group></Root></KeePassFile>";
    cxf::io::MemoryOutput header;
    cxf::kdbx::detail::write_inner_header(InnerStream::none, {}, {}, header);
    cxf::crypto::SecureBytes payload = std::move(header.bytes());
    payload.insert(payload.end(), xml.begin(), xml.end());
    const cxf::Bytes file = forge_kdbx4({}, key, Compression::gzip, payload);

    cxf::Limits limits;  // each stream alone is under the cap, both together are not
    limits.max_compression_ratio = 1'000'000;
    limits.max_decompressed_bytes = 1 << 20;
    const cxf::Error e = open_error(file, key, limits);
    CHECK(e.code() == Errc::limit_exceeded);
    CHECK(contains(e.what(), "cap of 1048576 bytes"));
    CHECK(contains(e.where().place, "XML line"));

    limits.max_decompressed_bytes = 2 << 20;
    CHECK(open(file, key, limits, "both.kdbx").root.entries.size() == 1);
}

TEST_CASE("hostile XML: nesting, entities, invalid UTF-8, bad references and values", "[kdbx]") {
    const CompositeKey key = password_key("x");
    const auto xml_error = [&](const std::string& xml) { return open_error(forge_kdbx4(xml, key), key); };

    std::string deep = "<KeePassFile><Root>";
    for (int i = 0; i < 300; ++i) deep += "<Group>\n";
    for (int i = 0; i < 300; ++i) deep += "</Group>";
    deep += "</Root></KeePassFile>";
    const cxf::Error depth = xml_error(deep);
    CHECK(depth.code() == Errc::limit_exceeded);
    CHECK(contains(depth.what(), "deeper than the cap of 256"));
    CHECK(contains(depth.where().place, "XML line 255"));

    const std::string laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
        "<KeePassFile><Meta><Generator>&lol3;</Generator></Meta><Root><Group/></Root></KeePassFile>";
    const cxf::Error entities = xml_error(laughs);
    CHECK(entities.code() == Errc::malformed);
    CHECK(contains(entities.what(), "DOCTYPE"));
    const cxf::Error external = xml_error(
        "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><KeePassFile><Meta><Generator>&xxe;</Generator>"
        "</Meta><Root><Group/></Root></KeePassFile>");
    CHECK(external.code() == Errc::malformed);

    const cxf::Error utf8 =
        xml_error("<KeePassFile>\n<Root>\n<Group><Name>bad \xC3\x28 byte</Name></Group></Root></KeePassFile>");
    CHECK(utf8.code() == Errc::malformed);
    CHECK(utf8.where().place == "XML line 3");
    CHECK(contains(utf8.what(), "UTF-8"));

    const cxf::Error ref = xml_error(
        "<KeePassFile><Root><Group><Entry><Binary><Key>a</Key><Value "
        "Ref=\"5\"/></Binary></Entry></Group></Root></KeePassFile>");
    CHECK(ref.code() == Errc::malformed);
    CHECK(contains(ref.what(), "outside the 0 binaries"));

    const cxf::Error protected_value = xml_error(
        "<KeePassFile><Root><Group><Entry><String><Key>P</Key><Value Protected=\"True\">not base64!</Value></String>"
        "</Entry></Group></Root></KeePassFile>");
    CHECK(protected_value.code() == Errc::malformed);
    CHECK(contains(protected_value.what(), "not base64"));

    const cxf::Error date = xml_error(
        "<KeePassFile><Root><Group><Times><CreationTime>yesterday</CreationTime></Times></Group></Root></KeePassFile>");
    CHECK(date.code() == Errc::malformed);
    CHECK(contains(date.where().place, "CreationTime"));

    const cxf::Error syntax = xml_error("<KeePassFile><Root><Group></Root></KeePassFile>");
    CHECK(syntax.code() == Errc::malformed);
    CHECK(contains(syntax.what(), "not well-formed"));

    CHECK(xml_error("<KeePassFile><Meta/></KeePassFile>").code() == Errc::malformed);
    CHECK(xml_error("<Other/>").code() == Errc::malformed);

    cxf::Limits small_strings;
    small_strings.max_string_bytes = 16;
    const std::string long_name =
        "<KeePassFile><Root><Group><Name>" + std::string(17, 'n') + "</Name></Group></Root></KeePassFile>";
    CHECK(open_error(forge_kdbx4(long_name, key), key, small_strings).code() == Errc::limit_exceeded);

    // The same machinery accepts a sound document, so the failures above are the content's.
    const Database ok = open(forge_kdbx4(minimal_xml, key), key, {}, "ok");
    CHECK(ok.root.name == "r");
}

TEST_CASE("an input over the size cap is refused before anything else", "[kdbx]") {
    cxf::Limits limits;
    limits.max_input_bytes = 1000;
    const cxf::Error e = open_error(fixture("keepassxc/Format400.kdbx"), password_key("t"), limits);
    CHECK(e.code() == Errc::limit_exceeded);
    CHECK(contains(e.what(), "cap of 1000"));
}

TEST_CASE("a bad value inside an entry is reported at its own line, not where the entry closes", "[kdbx]") {
    const CompositeKey key = password_key("x");
    const std::string xml = "<KeePassFile>\n<Root>\n<Group>\n<Name>g</Name>\n<Entry>\n<String><Key>Title</Key>"
                            "<Value>t</Value></String>\n<Times>\n<CreationTime>not a date</CreationTime>\n"
                            "</Times>\n<UUID>!!</UUID>\n</Entry>\n</Group>\n</Root>\n</KeePassFile>";
    const cxf::Error date = open_error(forge_kdbx4(xml, key), key);
    CHECK(date.code() == Errc::malformed);
    CHECK(date.where().place == "XML line 8 (CreationTime)");

    std::string uuid_only = xml;
    uuid_only.replace(uuid_only.find("not a date"), 10, "");
    const cxf::Error uuid = open_error(forge_kdbx4(uuid_only, key), key);
    CHECK(uuid.code() == Errc::malformed);
    CHECK(uuid.where().place == "XML line 10 (UUID)");

    // Lines before the document element (a declaration, a comment) count too.
    const cxf::Error declared =
        open_error(forge_kdbx4("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- a\ncomment -->\n" + xml, key), key);
    CHECK(declared.where().place == "XML line 11 (CreationTime)");
}

TEST_CASE("a second Meta, after Meta or Root, is refused: Meta and the pool are handed over once", "[kdbx]") {
    const CompositeKey key = password_key("x");
    for (const std::string xml :
         {"<KeePassFile><Meta/><Root><Group><Name>r</Name></Group></Root>\n<Meta><Generator>late</Generator></Meta></KeePassFile>",
          "<KeePassFile><Meta/>\n<Meta><Generator>again</Generator></Meta><Root><Group/></Root></KeePassFile>"}) {
        CAPTURE(xml);
        const cxf::Error e = open_error(forge_kdbx4(xml, key), key);
        CHECK(e.code() == Errc::malformed);
        CHECK(e.where().place == "XML line 2 (Meta)");
        CHECK(contains(e.what(), "Meta comes again"));
    }
}

TEST_CASE("a truncated or damaged inner header is reported at its record", "[kdbx]") {
    const CompositeKey key = password_key("inner");
    cxf::io::MemoryOutput header;
    cxf::kdbx::detail::write_inner_header(InnerStream::none, {}, {Binary{cxf::crypto::SecureBytes(100, 7), false}}, header);
    const cxf::crypto::SecureBytes& whole = header.bytes();
    const std::size_t binary_at = 14;  // after InnerRandomStreamID (5 + 4 bytes) and an empty InnerRandomStreamKey

    const cxf::crypto::SecureBytes cut(whole.begin(), whole.begin() + binary_at + 50);
    const cxf::Error inside = open_error(forge_kdbx4({}, key, Compression::gzip, cut), key);
    CHECK(inside.code() == Errc::malformed);
    CHECK(inside.where().place == "inner header offset 14 (Binary)");
    CHECK(contains(inside.what(), "ends inside the inner header's Binary record (45 of its 101 bytes of data came)"));

    const cxf::crypto::SecureBytes no_end(whole.begin(), whole.end() - 5);
    const cxf::Error before_end = open_error(forge_kdbx4({}, key, Compression::gzip, no_end), key);
    CHECK(before_end.code() == Errc::malformed);
    CHECK(contains(before_end.what(), "ends before the inner header's End record"));

    cxf::crypto::SecureBytes negative = whole;
    std::fill(negative.begin() + binary_at + 1, negative.begin() + binary_at + 5, 0xFF);  // length -1
    const cxf::Error length = open_error(forge_kdbx4({}, key, Compression::gzip, negative), key);
    CHECK(length.code() == Errc::malformed);
    CHECK(length.where().place == "inner header offset 14 (Binary length)");
    CHECK(contains(length.what(), "negative length -1"));
}

TEST_CASE("an attachment in the inner header is read into its own buffer, not gathered and copied", "[kdbx]") {
    const CompositeKey key = password_key("inner");
    constexpr std::size_t size = 40 << 20;  // past glibc's largest mmap threshold: its buffers go back when freed
    cxf::crypto::SecureBytes data(size);
    std::uint32_t seed = 9;
    for (std::uint8_t& b : data) b = static_cast<std::uint8_t>((seed = seed * 1103515245 + 12345) >> 24);
    cxf::io::MemoryOutput payload;
    cxf::kdbx::detail::write_inner_header(InnerStream::none, {}, {Binary{data, false}}, payload);
    payload.bytes().insert(payload.bytes().end(), minimal_xml.begin(), minimal_xml.end());
    const cxf::Bytes file = forge_kdbx4({}, key, Compression::none, payload.bytes());
    payload.bytes() = {};

    std::optional<cxf::kdbx::Database> db;
    const std::uint64_t growth = test::peak_memory_growth([&] { db = open(file, key, {}, "big.kdbx"); });
    REQUIRE(db->binaries.size() == 1);
    CHECK(db->binaries[0].data == data);
    CHECK(growth >= size);            // the database holds it
    CHECK(growth < size + size / 2);  // gathering the inner header and then copying it held it twice
}

TEST_CASE("an unknown inner header record is skipped, as KeePass does", "[kdbx]") {
    const CompositeKey key = password_key("inner");
    cxf::io::MemoryOutput header;
    cxf::kdbx::detail::write_inner_header(InnerStream::none, {}, {Binary{cxf::crypto::SecureBytes(3, 1), true}}, header);
    cxf::crypto::SecureBytes payload = std::move(header.bytes());
    const cxf::crypto::SecureBytes unknown = {0x7F, 4, 0, 0, 0, 'a', 'b', 'c', 'd'};
    payload.insert(payload.end() - 5, unknown.begin(), unknown.end());  // before the End record
    payload.insert(payload.end(), minimal_xml.begin(), minimal_xml.end());
    const Database db = open(forge_kdbx4({}, key, Compression::gzip, payload), key, {}, "unknown.kdbx");
    REQUIRE(db.binaries.size() == 1);
    CHECK(db.binaries[0].data == cxf::crypto::SecureBytes(3, 1));
    CHECK(db.binaries[0].protect);
    CHECK(db.root.name == "r");
}
