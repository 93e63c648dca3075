// SPDX-License-Identifier: MIT
// save → open gives back the same database, field by field, for every container variant we write.
#include <catch2/catch.hpp>

#include <chrono>

#include "cxf/io/output.h"
#include "cxf/kdbx/kdf.h"
#include "tests/kdbx/database_diff.h"
#include "tests/kdbx/kdbx_support.h"
#include "tests/kdbx/kitchen_sink.h"
#include "tests/support/thrown.h"

using namespace test::kdbx;

TEST_CASE("save → open round-trips every field, for each version, cipher, KDF and compression", "[kdbx]") {
    struct Variant {
        std::uint16_t major;
        Cipher cipher;
        Kdf kdf;
        Compression compression;
    };
    const Variant variant = GENERATE(Variant{4, Cipher::aes256_cbc, Kdf::argon2id, Compression::gzip},
                                     Variant{4, Cipher::aes256_cbc, Kdf::argon2d, Compression::none},
                                     Variant{4, Cipher::aes256_cbc, Kdf::aes_kdf, Compression::gzip},
                                     Variant{4, Cipher::chacha20, Kdf::argon2id, Compression::none},
                                     Variant{4, Cipher::chacha20, Kdf::argon2d, Compression::gzip},
                                     Variant{4, Cipher::chacha20, Kdf::aes_kdf, Compression::none},
                                     Variant{3, Cipher::aes256_cbc, Kdf::aes_kdf, Compression::gzip},
                                     Variant{3, Cipher::aes256_cbc, Kdf::aes_kdf, Compression::none},
                                     Variant{3, Cipher::chacha20, Kdf::aes_kdf, Compression::gzip});
    const bool kdbx41 = GENERATE(true, false);
    CAPTURE(variant.major, name(variant.cipher), name(variant.kdf), name(variant.compression), kdbx41);

    const Database db = kitchen_sink(kdbx41);
    const CompositeKey key = password_key("round trip ✓");
    SaveSettings settings = cheap_settings(variant.kdf, variant.cipher, variant.major);
    settings.compression = variant.compression;
    const cxf::crypto::SecureBytes file = save(db, key, settings);

    const HeaderInfo info = read_header_info(file, "saved");
    const FormatVersion expected =
        variant.major == 3 ? FormatVersion{3, 1} : FormatVersion{4, kdbx41 ? std::uint16_t{1} : std::uint16_t{0}};
    CHECK(info.version == expected);
    CHECK(info.cipher == variant.cipher);
    CHECK(info.kdf.kdf == variant.kdf);
    CHECK(info.compression == variant.compression);
    CHECK(info.kdf.salt.size() == 32);
    if (variant.major == 3) CHECK(info.inner_stream == InnerStream::salsa20);

    Database again = open(file, key, {}, "saved");
    if (variant.major == 3) {  // KDBX 3.1 has no place for public custom data, and drops Binary.protect
        CHECK(again.public_custom_data.empty());
        again.public_custom_data = db.public_custom_data;
        REQUIRE(again.binaries.size() == db.binaries.size());
        for (std::size_t i = 0; i < db.binaries.size(); ++i) {
            CHECK_FALSE(again.binaries[i].protect);
            again.binaries[i].protect = db.binaries[i].protect;
        }
    }
    CHECK(database_diff(db, again) == std::vector<std::string>{});
    CHECK(again == db);
}

TEST_CASE("every save draws fresh seeds, IVs and salts", "[kdbx]") {
    const Database db = kitchen_sink(false);
    const CompositeKey key = password_key("p");
    const cxf::crypto::SecureBytes a = save(db, key, cheap_settings());
    const cxf::crypto::SecureBytes b = save(db, key, cheap_settings());
    CHECK(read_header_info(a, "a").kdf.salt != read_header_info(b, "b").kdf.salt);
    CHECK(a != b);
    CHECK(open(a, key, {}, "a") == open(b, key, {}, "b"));
}

TEST_CASE("a key derived before the save is the one the file is saved with", "[kdbx]") {
    const Database db = kitchen_sink(false);
    const CompositeKey key = password_key("derived first");
    const SaveSettings settings = cheap_settings();
    const DerivedKey derived = derive_key(key, settings);
    CHECK(derived.kdf.salt.size() == 32);
    CHECK(derive_key(key, settings).kdf.salt != derived.kdf.salt);  // each key its own salt

    cxf::io::MemoryOutput out;
    save(db, derived, settings, out);
    CHECK(read_header_info(out.bytes(), "saved").kdf == derived.kdf);
    CHECK(open(out.bytes(), key, {}, "saved") == db);
    const cxf::Error wrong = test::thrown_by([&] { open(out.bytes(), password_key("other"), {}, "saved"); });
    CHECK(wrong.code() == cxf::Errc::wrong_password);

    SaveSettings v3 = settings;
    v3.major_version = 3;  // Argon2 in KDBX 3.1: refused before the KDF's work
    CHECK(test::thrown_by([&] { derive_key(key, v3); }).code() == cxf::Errc::usage);
}

TEST_CASE("the written version follows the content: 4.0 unless 4.1 data is present", "[kdbx]") {
    Database db = kitchen_sink(false);
    CHECK(save_version(db, cheap_settings()) == FormatVersion{4, 0});
    SaveSettings v3 = cheap_settings(Kdf::aes_kdf);
    v3.major_version = 3;
    CHECK(save_version(db, v3) == FormatVersion{3, 1});

    const auto needs_41 = [](auto&& change) {
        Database d = kitchen_sink(false);
        change(d);
        return save_version(d, cheap_settings()) == FormatVersion{4, 1};
    };
    CHECK(needs_41([](Database& d) { d.root.groups[0].tags = {"t"}; }));
    CHECK(needs_41([](Database& d) { d.root.entries[0].quality_check = false; }));
    CHECK(needs_41([](Database& d) { d.root.entries[0].history[0].previous_parent_group[0] = 1; }));
    CHECK(needs_41([](Database& d) { d.root.groups[0].previous_parent_group[0] = 1; }));
    CHECK(needs_41([](Database& d) { d.meta.custom_icons[1].name = "named"; }));
    CHECK(needs_41([](Database& d) { d.meta.custom_data[0].last_modified = Time{1}; }));
    CHECK(needs_41([](Database& d) {
        d.root.groups[0].groups[0].entries[0].custom_data.push_back({"k", "v", Time{1}});
    }));
}

TEST_CASE("settings save() cannot honour are refused", "[kdbx]") {
    const Database db = kitchen_sink(false);
    const CompositeKey key = password_key("p");
    SaveSettings twofish = cheap_settings();
    twofish.cipher = Cipher::twofish_cbc;
    CHECK(error_of([&] { save(db, key, twofish); }).code() == cxf::Errc::usage);
    CHECK(error_of([&] { save(db, key, cheap_settings(Kdf::argon2id, Cipher::aes256_cbc, 3)); }).code() ==
          cxf::Errc::usage);
    CHECK(error_of([&] { save(db, key, cheap_settings(Kdf::aes_kdf, Cipher::aes256_cbc, 5)); }).code() ==
          cxf::Errc::usage);
    SaveSettings no_lanes = cheap_settings();
    no_lanes.kdf.parallelism = 0;
    CHECK(error_of([&] { save(db, key, no_lanes); }).code() == cxf::Errc::usage);
    no_lanes.target_unlock_time = std::chrono::milliseconds(10);
    CHECK(error_of([&] { save(db, key, no_lanes); }).code() == cxf::Errc::usage);

    Database dangling = kitchen_sink(false);
    dangling.root.entries[0].history[1].binaries.push_back(BinaryRef{"gone", 9});
    const cxf::Error e = error_of([&] { save(dangling, key, cheap_settings()); });
    CHECK(e.code() == cxf::Errc::usage);
    CHECK(std::string(e.what()).find("'gone'") != std::string::npos);

    Database bad_text = kitchen_sink(false);
    bad_text.root.name = "bad \xFF byte";
    CHECK(error_of([&] { save(bad_text, key, cheap_settings()); }).code() == cxf::Errc::invalid);
}

TEST_CASE("a target unlock time sets the KDF work from a measurement", "[kdbx]") {
    const Database db = kitchen_sink(false);
    const CompositeKey key = password_key("p");
    for (const Kdf kdf : {Kdf::argon2id, Kdf::aes_kdf}) {
        CAPTURE(name(kdf));
        SaveSettings settings = cheap_settings(kdf);
        settings.target_unlock_time = std::chrono::milliseconds(60);
        const cxf::crypto::SecureBytes file = save(db, key, settings);
        const KdfParameters written = read_header_info(file, "tuned").kdf;
        if (kdf == Kdf::aes_kdf)
            CHECK(written.rounds > settings.kdf.rounds);  // 1000 rounds take microseconds
        else
            CHECK(written.iterations >= 1);
        const auto start = std::chrono::steady_clock::now();
        CHECK(open(file, key, {}, "tuned") == db);
        const auto took = std::chrono::steady_clock::now() - start;
        CHECK(took < std::chrono::milliseconds(600));
    }
    // A four times longer target buys more work; a busy machine shifts both measurements alike.
    SaveSettings settings = cheap_settings(Kdf::aes_kdf);
    settings.target_unlock_time = std::chrono::milliseconds(30);
    const std::uint64_t shorter = read_header_info(save(db, key, settings), "short").kdf.rounds;
    settings.target_unlock_time = std::chrono::milliseconds(120);
    const std::uint64_t longer = read_header_info(save(db, key, settings), "long").kdf.rounds;
    CHECK(longer > shorter);
}

TEST_CASE("Argon2 version 0x10 is written and read, and gives a different key from 0x13", "[kdbx]") {
    const Database db = kitchen_sink(false);
    const CompositeKey key = password_key("p");
    SaveSettings old = cheap_settings(Kdf::argon2d);
    old.kdf.version = 0x10;
    const cxf::crypto::SecureBytes file = save(db, key, old);
    CHECK(read_header_info(file, "v10").kdf.version == 0x10);
    CHECK(open(file, key, {}, "v10") == db);

    KdfParameters v13 = read_header_info(file, "v10").kdf;
    KdfParameters v10 = v13;
    v13.version = 0x13;
    CHECK(cxf::kdbx::detail::transform_key(key.hash, v10) != cxf::kdbx::detail::transform_key(key.hash, v13));
}

TEST_CASE("a KDBX 3.1 attachment whose base64 is longer than the string cap reads back", "[kdbx]") {
    const CompositeKey key = password_key("big 3.1");
    Database db = kitchen_sink(false);
    cxf::Limits limits;
    limits.max_string_bytes = 1 << 20;  // the default's 16 MiB, scaled down with the attachment
    cxf::crypto::SecureBytes scan((1 << 20) + 4096);  // its base64 is a third longer than the cap
    std::uint32_t seed = 21;
    for (std::uint8_t& b : scan) b = static_cast<std::uint8_t>((seed = seed * 1103515245 + 12345) >> 24);
    db.root.entries.at(0).binaries.push_back(BinaryRef{"scan.jpg", db.binaries.size()});
    db.binaries.push_back(Binary{scan, false});
    SaveSettings settings = cheap_settings(Kdf::aes_kdf, Cipher::aes256_cbc, 3);
    const cxf::crypto::SecureBytes file = save(db, key, settings);

    const Database opened = open(file, key, limits, "big31.kdbx");
    REQUIRE(opened.binaries.size() == db.binaries.size());
    for (std::size_t i = 0; i < db.binaries.size(); ++i) CHECK(opened.binaries[i].data == db.binaries[i].data);

    // Other text keeps the string cap.
    db.root.entries.at(0).strings.push_back({"Long", cxf::crypto::Secret(std::string((1 << 20) + 1, 'x')), false});
    const cxf::Error e = test::thrown_by([&] { open(save(db, key, settings), key, limits, "long.kdbx"); });
    CHECK(e.code() == cxf::Errc::limit_exceeded);
    CHECK(e.where().place.find("(Value)") != std::string::npos);
}
