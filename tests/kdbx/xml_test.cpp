// SPDX-License-Identifier: MIT
// Details of the XML reader that the sample files do not all reach: the inner stream's document
// order across element kinds, inline and compressed binaries, lenient forms, unknown elements.
#include <algorithm>

#include <catch2/catch.hpp>

#include "cxf/crypto/hash.h"
#include "cxf/encoding/base64.h"
#include "cxf/kdbx/gzip.h"
#include "cxf/kdbx/inner_stream.h"
#include "cxf/kdbx/xml.h"
#include "tests/kdbx/forge.h"
#include "tests/kdbx/kdbx_support.h"

using namespace test::kdbx;

namespace {

// The pieces the XML writer hands on, and how many it marked as text without repeats.
struct PieceRecorder final : cxf::io::Output {
    std::vector<std::size_t> pieces;
    std::string xml;
    std::size_t without_repeats = 0;
    void write(cxf::ByteView piece) override {
        pieces.push_back(piece.size());
        xml += cxf::as_text(piece);
    }
    void write_without_repeats(cxf::ByteView piece) override {
        ++without_repeats;
        write(piece);
    }
};

// Encrypts values in the order the document will hold them, as a writer would.
class Protector {
public:
    Protector() : stream_(InnerStream::chacha20, forged_stream_key()) {}
    std::string operator()(std::string_view plain) {
        cxf::crypto::SecureBytes bytes = cxf::crypto::secure_copy(cxf::as_bytes(plain));
        stream_.apply(bytes);
        return cxf::encoding::base64_encode(bytes);
    }

private:
    cxf::kdbx::detail::InnerStreamCipher stream_;
};

}  // namespace

TEST_CASE("protected values consume the inner stream in document order, binaries and history included", "[kdbx]") {
    Protector protect;
    const std::string first = protect("first secret");
    const std::string binary = protect("protected inline attachment");
    const std::string empty = protect("");
    const std::string old = protect("old secret");
    const std::string last = protect("last ✓");
    const cxf::crypto::SecureBytes zipped = cxf::kdbx::detail::gzip(cxf::as_bytes("compressed inline attachment"));
    const std::string xml =
        "<KeePassFile><Meta><Generator>g</Generator></Meta><Root><Group><Name>r</Name>"
        "<Entry><String><Key>A</Key><Value Protected=\"True\">" + first + "</Value></String>"
        "<Binary><Key>p.txt</Key><Value Protected=\"True\">" + binary + "</Value></Binary>"
        "<Binary><Key>c.txt</Key><Value Compressed=\"True\">" + cxf::encoding::base64_encode(zipped) + "</Value></Binary>"
        "<String><Key>E</Key><Value Protected=\"True\">" + empty + "</Value></String>"
        "<History><Entry><String><Key>A</Key><Value Protected=\"True\">" + old + "</Value></String></Entry></History>"
        "</Entry><Entry><String><Key>B</Key><Value Protected=\"true\">" + last + "</Value></String>"
        "<String><Key>Plain</Key><Value ProtectInMemory=\"True\">not encrypted</Value></String></Entry>"
        "</Group></Root></KeePassFile>";
    const CompositeKey key = password_key("order");
    const Database db = open(forge_kdbx4(xml, key), key, {}, "order");

    const Entry& e = db.root.entries.at(0);
    CHECK(value(e, "A") == "first secret");
    CHECK(value(e, "E").empty());
    CHECK(is_protected(e, "E"));
    CHECK(attachment_text(db, e, "p.txt") == "protected inline attachment");
    CHECK(db.binaries.at(e.binaries.at(0).index).protect);
    CHECK(attachment_text(db, e, "c.txt") == "compressed inline attachment");
    CHECK(value(e.history.at(0), "A") == "old secret");
    const Entry& f = db.root.entries.at(1);
    CHECK(value(f, "B") == "last ✓");
    CHECK(value(f, "Plain") == "not encrypted");
    CHECK_FALSE(is_protected(f, "Plain"));
}

TEST_CASE("lenient reading: either date form, no declaration, comments, CDATA, unknown elements kept", "[kdbx]") {
    const std::string xml =
        "<!-- written by hand --><KeePassFile><Meta><Generator><![CDATA[a <b> & c]]></Generator>"
        "<DatabaseNameChanged>2021-01-23T16:33:23Z</DatabaseNameChanged><SettingsChanged>00ae1w4AAAA=</SettingsChanged>"
        "<MemoryProtection><ProtectTitle>true</ProtectTitle><AutoEnableVisualHiding>False</AutoEnableVisualHiding></MemoryProtection>"
        "<Future attr=\"1\"><Nested>x</Nested></Future></Meta>"
        "<Root><Group><Name>r</Name><EnableAutoType></EnableAutoType><EnableSearching>False</EnableSearching>"
        "<IconID></IconID><Tags>a, b;c</Tags><Entry><String><Key>Title</Key><Value>   </Value></String>"
        "<QualityCheck>False</QualityCheck><Times><Expires>True</Expires><UsageCount>7</UsageCount></Times></Entry>"
        "</Group><Extra/></Root></KeePassFile>";
    const CompositeKey key = password_key("lenient");
    const Database db = open(forge_kdbx4(xml, key), key, {}, "lenient");
    CHECK(db.meta.generator == "a <b> & c");
    CHECK(db.meta.database_name_changed == Time{63747016403});
    CHECK(db.meta.settings_changed == Time{63747016403});
    CHECK(db.meta.memory_protection.title);
    CHECK(db.meta.unknown == std::vector<std::string>{"<Future attr=\"1\"><Nested>x</Nested></Future>"});
    CHECK(db.root_unknown == std::vector<std::string>{"<Extra/>"});
    CHECK_FALSE(db.root.enable_auto_type.has_value());
    CHECK(db.root.enable_searching == false);
    CHECK(db.root.icon_id == 48);
    CHECK(db.root.tags == std::vector<std::string>{"a", "b", "c"});
    const Entry& e = db.root.entries.at(0);
    CHECK(value(e, "Title") == "   ");
    CHECK_FALSE(e.quality_check);
    CHECK(e.times.expires);
    CHECK(e.times.usage_count == 7);

    // What was kept unknown goes back out where it came from.
    const cxf::crypto::SecureBytes saved = save(db, key, cheap_settings());
    const Database again = open(saved, key, {}, "again");
    CHECK(again.meta.unknown == db.meta.unknown);
    CHECK(again.root_unknown == db.root_unknown);
}

TEST_CASE("an entry read as it streams: unknown elements kept, stray ones ignored, errors at their lines", "[kdbx]") {
    const std::string xml =
        "<KeePassFile><Root><Group><Name>r</Name>\n"
        "<Entry>stray text<X-Plugin a=\"&amp;1\"><In>v &lt; w</In></X-Plugin>\n"
        "<Times><Expires>True</Expires><Odd><Deeper>1</Deeper></Odd></Times>\n"
        "<String><Key>Title</Key><Comment>c</Comment><Value>t<!-- note --><![CDATA[ <x> ]]>u</Value></String>\n"
        "<String><Key>Notes</Key><Value>x <b>bold</b> y</Value></String>\n"
        "<String><Key>Layout</Key><Value>  <b>bold</b>  </Value></String>\n"
        "<String><Key>Blank</Key><Value>\n\t</Value></String>\n"
        "<CustomData><Loose/><Item><Key>k</Key><Value>v</Value></Item></CustomData>\n"
        "<AutoType><Association><Window>w</Window><KeystrokeSequence>s</KeystrokeSequence></Association></AutoType>\n"
        "<History><Entry><UUID>AAAAAAAAAAAAAAAAAAAAAQ==</UUID><Tail/></Entry><Other/></History>\n"
        "<Tags>a;b</Tags></Entry></Group></Root></KeePassFile>";
    const CompositeKey key = password_key("stream");
    const Database db = open(forge_kdbx4(xml, key), key, {}, "stream.kdbx");
    REQUIRE(db.root.entries.size() == 1);
    const Entry& e = db.root.entries[0];
    CHECK(e.unknown == std::vector<std::string>{"<X-Plugin a=\"&amp;1\"><In>v &lt; w</In></X-Plugin>"});
    CHECK(e.times.expires);
    CHECK(value(e, "Title") == "t <x> u");
    CHECK(value(e, "Notes") == "x  y");  // a value holding an element keeps its own text
    CHECK(value(e, "Layout").empty());   // but not whitespace around the element
    CHECK(value(e, "Blank") == "\n\t");
    REQUIRE(e.custom_data.size() == 1);
    CHECK(e.custom_data[0].value == "v");
    REQUIRE(e.auto_type.associations.size() == 1);
    CHECK(e.auto_type.associations[0].sequence == "s");
    REQUIRE(e.history.size() == 1);
    CHECK(e.history[0].uuid[15] == 1);
    CHECK(e.history[0].unknown == std::vector<std::string>{"<Tail/>"});
    CHECK(e.tags == std::vector<std::string>{"a", "b"});

    const auto error_at = [&](const std::string& entry) {
        const std::string doc = "<KeePassFile><Root><Group><Name>r</Name>\n<Entry>\n" + entry + "</Entry></Group></Root></KeePassFile>";
        return error_of([&] { open(forge_kdbx4(doc, key), key, {}, "bad.kdbx"); });
    };
    const cxf::Error history = error_at("<History>\n<Entry><Times>\n<CreationTime>soon</CreationTime></Times></Entry></History>");
    CHECK(history.code() == cxf::Errc::malformed);
    CHECK(history.where().place == "XML line 5 (CreationTime)");
    const cxf::Error keyless = error_at("<String>\n<Value>v</Value></String>");
    CHECK(keyless.where().place == "XML line 3 (String)");
    CHECK(std::string(keyless.what()).find("has no Key") != std::string::npos);
    const cxf::Error ref = error_at("<Binary><Key>a</Key>\n<Value Ref=\"3\"/></Binary>");
    CHECK(ref.where().place == "XML line 4 (Value)");
}

TEST_CASE("empty optional elements read as absent wherever kdbxweb writes them", "[kdbx]") {
    const std::string empty_times =
        "<Times><CreationTime/><LastModificationTime/><LastAccessTime/><ExpiryTime/><Expires/><UsageCount/>"
        "<LocationChanged/></Times>";
    const std::string entry_body = "<UUID/><IconID/><CustomIconUUID/><ForegroundColor/><BackgroundColor/>"
                                   "<OverrideURL/><QualityCheck/><Tags/><PreviousParentGroup/>" +
                                   empty_times +
                                   "<String><Key>Title</Key><Value>t</Value></String>"
                                   "<AutoType><Enabled/><DataTransferObfuscation/><DefaultSequence/></AutoType>"
                                   "<CustomData><Item><Key>k</Key><Value>v</Value><LastModificationTime/></Item>"
                                   "</CustomData>";
    const std::string xml =
        "<KeePassFile><Meta><Generator>KdbxWeb</Generator><HeaderHash/><SettingsChanged/><DatabaseName/>"
        "<DatabaseNameChanged/><DatabaseDescription/><DatabaseDescriptionChanged/><DefaultUserName/>"
        "<DefaultUserNameChanged/><MaintenanceHistoryDays/><Color/><MasterKeyChanged/><MasterKeyChangeRec/>"
        "<MasterKeyChangeForce/><MasterKeyChangeForceOnce/><MemoryProtection><ProtectTitle/><ProtectUserName/>"
        "<ProtectPassword/><ProtectURL/><ProtectNotes/></MemoryProtection>"
        "<CustomIcons><Icon><UUID/><Data/><Name/><LastModificationTime/></Icon></CustomIcons>"
        "<RecycleBinEnabled/><RecycleBinUUID/><RecycleBinChanged/><EntryTemplatesGroup/>"
        "<EntryTemplatesGroupChanged/><HistoryMaxItems/><HistoryMaxSize/><LastSelectedGroup/><LastTopVisibleGroup/>"
        "<CustomData><Item><Key>m</Key><Value/><LastModificationTime/></Item></CustomData></Meta>"
        "<Root><Group><UUID/><Name>r</Name><Notes/><IconID/><CustomIconUUID/>" +
        empty_times +
        "<IsExpanded/><DefaultAutoTypeSequence/><EnableAutoType/><EnableSearching/><LastTopVisibleEntry/>"
        "<Tags/><PreviousParentGroup/><Entry>" +
        entry_body + "<History><Entry>" + entry_body +
        "</Entry></History></Entry></Group>"
        "<DeletedObjects><DeletedObject><UUID/><DeletionTime/></DeletedObject></DeletedObjects></Root></KeePassFile>";
    const CompositeKey key = password_key("x");
    const Database db = open(forge_kdbx4(xml, key), key, {}, "kdbxweb.kdbx");

    const Meta defaults;
    CHECK(db.meta.generator == "KdbxWeb");
    CHECK_FALSE(db.meta.settings_changed);
    CHECK(db.meta.master_key_changed == defaults.master_key_changed);
    CHECK(db.meta.master_key_change_rec == -1);
    CHECK(db.meta.maintenance_history_days == 365);
    CHECK(db.meta.recycle_bin_enabled);
    CHECK(db.meta.memory_protection.password);
    CHECK(db.meta.history_max_items == defaults.history_max_items);
    REQUIRE(db.meta.custom_icons.size() == 1);
    CHECK_FALSE(db.meta.custom_icons[0].last_modified);
    REQUIRE(db.meta.custom_data.size() == 1);
    CHECK_FALSE(db.meta.custom_data[0].last_modified);

    CHECK(db.root.name == "r");
    CHECK(db.root.icon_id == 48);
    CHECK(db.root.is_expanded);
    CHECK_FALSE(db.root.enable_auto_type);
    CHECK(db.root.times == Times{});
    REQUIRE(db.root.entries.size() == 1);
    const Entry& e = db.root.entries[0];
    CHECK(e.quality_check);
    CHECK(e.auto_type.enabled);
    CHECK(e.times == Times{});
    CHECK(value(e, "Title") == "t");
    REQUIRE(e.custom_data.size() == 1);
    CHECK_FALSE(e.custom_data[0].last_modified);
    REQUIRE(e.history.size() == 1);
    CHECK(e.history[0].quality_check);
    REQUIRE(db.deleted_objects.size() == 1);
    CHECK(db.deleted_objects[0] == DeletedObject{});

    // Present but wrong is still an error.
    const std::string bad = "<KeePassFile><Meta><MasterKeyChanged>yesterday</MasterKeyChanged></Meta>"
                            "<Root><Group><Name>r</Name></Group></Root></KeePassFile>";
    const cxf::Error e2 = error_of([&] { open(forge_kdbx4(bad, key), key, {}, "bad.kdbx"); });
    CHECK(e2.code() == cxf::Errc::malformed);
    CHECK(std::string(e2.what()).find("not a KDBX date") != std::string::npos);
}

TEST_CASE("an inflated small attachment keeps no more memory than its bytes need", "[kdbx]") {
    const std::string content(1600, 'x');
    const cxf::crypto::SecureBytes zipped = cxf::kdbx::detail::gzip(cxf::as_bytes(content));
    std::uint64_t budget = 1 << 20;
    const cxf::crypto::SecureBytes inflated = cxf::kdbx::detail::gunzip(zipped, {}, budget, "a.kdbx", "");
    CHECK(inflated.size() == content.size());
    CHECK(inflated.capacity() <= content.size() + content.size() / 4);  // not the 64 KiB inflate window
    CHECK(budget == (1u << 20) - content.size());
}

TEST_CASE("a gzip member written in pieces of any size inflates to what was written", "[kdbx]") {
    std::string content;
    for (int i = 0; content.size() < (300u << 10); ++i) content += "<Entry>" + std::to_string(i * 7919 % 100003) + "</Entry>\n";
    for (const std::size_t piece : {std::size_t{1} << 20, std::size_t{70000}, std::size_t{4096}, std::size_t{1}}) {
        CAPTURE(piece);
        cxf::io::MemoryOutput out;
        cxf::io::DeflateWriter writer(out, cxf::io::Framing::gzip);
        for (std::size_t at = 0; at < content.size(); at += piece)
            writer.write(cxf::as_bytes(std::string_view(content).substr(at, piece)));
        writer.finish();
        const cxf::crypto::SecureBytes& zipped = out.bytes();
        CHECK(zipped.size() < content.size() / 2);
        std::uint64_t budget = 1 << 30;
        CHECK(cxf::as_text(cxf::kdbx::detail::gunzip(zipped, {}, budget, "pieces.gz", "")) == content);
    }
}

TEST_CASE("a gzip member mixing deflated, stored and Huffman-only pieces inflates to what was written", "[kdbx]") {
    const std::string text = std::string(100000, 'a');
    const cxf::crypto::SecureBytes random = cxf::crypto::random_bytes(300000);
    const cxf::crypto::Secret base64 = cxf::encoding::base64_encode_secret(random);
    cxf::io::MemoryOutput out;
    cxf::io::DeflateWriter writer(out, cxf::io::Framing::gzip);
    writer.write(cxf::as_bytes(text));
    writer.write_without_repeats(base64.bytes());
    writer.write_incompressible(random);
    writer.write(cxf::as_bytes(text));
    writer.finish();
    // Base64 has 6 bits in each byte: Huffman coding gets it to about three quarters; the random bytes
    // stay as they are, and the repeated text almost vanishes.
    CHECK(out.bytes().size() < random.size() + base64.view().size() * 78 / 100);
    CHECK(out.bytes().size() > random.size() + base64.view().size() * 74 / 100);
    std::uint64_t budget = 1 << 30;
    const cxf::crypto::SecureBytes back = cxf::kdbx::detail::gunzip(out.bytes(), {}, budget, "mixed.gz", "");
    std::string expected = text;
    expected += base64.view();
    expected += cxf::as_text(random);
    expected += text;
    CHECK(cxf::as_text(back) == expected);
}

TEST_CASE("a gzip member's length is checked against its trailer in pieces of any size, its CRC not", "[kdbx]") {
    const std::string content = "<KeePassFile>" + std::string(5000, 'x') + "</KeePassFile>";
    const cxf::crypto::SecureBytes zipped = cxf::kdbx::detail::gzip(cxf::as_bytes(content));
    const auto inflate_in_pieces = [](cxf::ByteView compressed, std::size_t piece) {
        const cxf::Limits limits;  // the reader keeps references to these three
        std::uint64_t budget = 1 << 20;
        const std::string file = "pieces.kdbx";
        cxf::kdbx::detail::GzipReader reader(limits, budget, file, "payload");
        std::string out;
        for (std::size_t at = 0; at < compressed.size(); at += piece)
            reader.feed(compressed.subspan(at, std::min(piece, compressed.size() - at)),
                        [&](cxf::ByteView p) { out.append(cxf::as_text(p)); });
        reader.finish();
        return out;
    };
    cxf::crypto::SecureBytes bad_crc = zipped, bad_length = zipped;
    bad_crc[bad_crc.size() - 8] ^= 1;  // the HMAC or block hashes around it vouch for the data
    bad_length[bad_length.size() - 4] ^= 1;
    for (const std::size_t piece : {std::size_t{1}, std::size_t{3}, std::size_t{5}, zipped.size()}) {
        CAPTURE(piece);
        CHECK(inflate_in_pieces(zipped, piece) == content);
        CHECK(inflate_in_pieces(bad_crc, piece) == content);
        const auto e = error_of([&] { inflate_in_pieces(bad_length, piece); });
        CHECK(e.code() == cxf::Errc::malformed);
        CHECK(e.where().file == "pieces.kdbx");
        CHECK_THAT(e.what(), Catch::Contains("length"));
    }
}

TEST_CASE("the XML of a large database is handed on in pieces, never held whole", "[kdbx]") {
    Database db;
    db.root.name = "r";
    for (int i = 0; i < 3000; ++i) {
        Entry e;
        e.uuid[0] = static_cast<std::uint8_t>(i);
        e.uuid[1] = static_cast<std::uint8_t>(i >> 8);
        e.strings.push_back({"Title", cxf::crypto::Secret("entry " + std::to_string(i)), false});
        e.strings.push_back({"Password", cxf::crypto::Secret("secret " + std::to_string(i)), true});
        db.root.entries.push_back(std::move(e));
    }
    cxf::kdbx::detail::InnerStreamCipher stream(InnerStream::chacha20, forged_stream_key());
    PieceRecorder out;
    cxf::kdbx::detail::write_xml(db, {cxf::kdbx::FormatVersion{4, 0}, stream, {}, false}, out);
    CHECK(out.pieces.size() > 10);
    CHECK(*std::max_element(out.pieces.begin(), out.pieces.end()) < (64u << 10) + 4096);  // a piece, and the line that passed it
    CHECK(out.xml.find("<Value>entry 2999</Value>") != std::string::npos);
    CHECK(out.xml.ends_with("</KeePassFile>\n"));
    CHECK(out.without_repeats == 0);
}

TEST_CASE("a KDBX 3.1 pool binary is streamed as base64 without repeats, gzipped only when that shrinks it", "[kdbx]") {
    Database db;
    db.root.name = "r";
    const cxf::crypto::SecureBytes random = cxf::crypto::random_bytes((2u << 20) + 1);  // several pieces, and a last byte
    std::string text;
    for (int i = 0; text.size() < (1u << 20); ++i) text += "line " + std::to_string(i) + " of a text attachment\n";
    db.binaries.push_back({random, false});
    db.binaries.push_back({cxf::crypto::secure_copy(cxf::as_bytes(text)), false});
    cxf::kdbx::detail::InnerStreamCipher stream(InnerStream::salsa20, forged_stream_key());
    PieceRecorder out;
    cxf::kdbx::detail::write_xml(db, {cxf::kdbx::FormatVersion{3, 1}, stream, {}, true}, out);

    const auto binary_text = [&](const std::string& id, bool compressed) {
        const std::string open = "<Binary ID=\"" + id + "\"" + (compressed ? " Compressed=\"True\">" : ">");
        const std::size_t at = out.xml.find(open);
        REQUIRE(at != std::string::npos);
        const std::size_t from = at + open.size();
        return out.xml.substr(from, out.xml.find("</Binary>", from) - from);
    };
    const auto stored = cxf::encoding::base64_decode(binary_text("0", false));
    REQUIRE(stored);
    CHECK(cxf::crypto::equal_ct(*stored, random));
    const auto zipped = cxf::encoding::base64_decode(binary_text("1", true));
    REQUIRE(zipped);
    CHECK(zipped->size() < text.size() / 4);
    std::uint64_t budget = 1 << 30;
    CHECK(cxf::as_text(cxf::kdbx::detail::gunzip(*zipped, {}, budget, "pool.kdbx", "")) == text);
    // The pieces of base64 are about a MiB: the binary is never held whole as text.
    CHECK(out.without_repeats >= 4);
    CHECK(*std::max_element(out.pieces.begin(), out.pieces.end()) <= (1u << 20));
}
