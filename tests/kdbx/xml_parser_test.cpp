// SPDX-License-Identifier: MIT
// The KDBX XML parser against expat (fuzz/xml_against_expat.h): every construct of XML read the same,
// whole and in pieces, and what is refused refused with its line.
#include <catch2/catch.hpp>

#include "cxf/error.h"
#include "cxf/kdbx/xml_parser.h"
#include "fuzz/xml_against_expat.h"
#include "tests/support/thrown.h"

using cxf::Errc;

namespace {

cxf::fuzz::XmlVerdict cxf_reads(const std::string& xml, std::size_t piece = 0) {
    return cxf::fuzz::parse_with_cxf(cxf::as_bytes(xml), piece);
}

// cxf's parser and expat agree on the document (fuzz/xml_against_expat.h), whole and in pieces.
void check_agreement(const std::string& xml) {
    const auto difference = cxf::fuzz::compare_with_expat(cxf::as_bytes(xml));
    CHECK_FALSE(difference);
    if (difference) WARN(*difference);
}

class Ignore final : public cxf::kdbx::detail::XmlHandler {
public:
    void start_element(std::string_view, std::span<const cxf::kdbx::detail::XmlAttribute>) override {}
    void end_element() override {}
    void text(std::string_view) override {}
};

}  // namespace

TEST_CASE("the XML parser reads what expat reads, the same way, whole or in pieces", "[kdbx][xml]") {
    const std::vector<std::string> accepted = {
        "<a/>",
        "\xEF\xBB\xBF<a/>",
        "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n<KeePassFile/>",
        "<?xml  version = '1.0' standalone=\"no\" ?><a/>",
        "<?xml version=\"abc\"?><a/>",
        "<?xml version=\"\"?><a/>",
        "<?xml version='1.0' encoding='a_b'?><a/>",
        "<!--x--><a/><!--y-->\n",
        "<a><?xmlfoo x?><?xml-stylesheet x?><?t?><?t x?></a>",
        "<a>]]</a>",
        "<a>]</a>",
        "<a>&#x41;&#65;&#x1F511;&lt;&gt;&amp;&quot;&apos;</a>",
        "<a b=\"&#10;&#13;&#9;\" c='\t\r\n x\r y\n'/>",
        "<a\n b\n=\n'1'\n>\r\n<c/>\r<d>\r\r\n</d></a\n>",
        "<a><![CDATA[<x>&amp;\r\n]]]]><![CDATA[>]]></a>",
        "<a>\xC3\xA9\xE2\x82\xAC\xF0\x9F\x94\x91\xC2\x80</a>",
        "<a:b-c.d_e1 f:g='h'/>",
        "<\xC3\xA9l\xC3\xA9ment\n \xC3\xA9t\xC3\xA9='1'>\n<b\xE2\x82\xAC\r\n/></\xC3\xA9l\xC3\xA9ment\n>",
        "<a>\xEF\xBF\xBD</a>",
        "\n\t <a/> \r\n",
        "<a b='\"' c=\"'\"/>",
        "<a>x<b>y</b>z</a>",
    };
    for (const std::string& xml : accepted) {
        CAPTURE(xml);
        CHECK(cxf_reads(xml).accepted);
        check_agreement(xml);
    }

    const std::vector<std::string> refused = {
        "",
        "   ",
        "<a>",
        "<a></b>",
        "<a/><b/>",
        "x<a/>",
        "<a/>x",
        "<a/><?xml version=\"1.0\"?>",
        " <?xml version=\"1.0\"?><a/>",
        "<?xml version=\"1.0\" encoding=\"9x\"?><a/>",
        "<?xml version=\"1.0\" encoding=\"\"?><a/>",
        "<?xml version=\"1:0\"?><a/>",
        "<?xml version=\"1.0\" standalone=\"yes\" encoding=\"x\"?><a/>",
        "<?xml version=\"1.0\"standalone=\"yes\"?><a/>",
        "<?xml?><a/>",
        "<?xml encoding=\"x\"?><a/>",
        "<?xml version=\"1.0\" foo=\"x\"?><a/>",
        "<?xml version=\"1.0\" standalone=\"Yes\"?><a/>",
        "<?XmL version=\"1.0\"?><a/>",
        "<a/><?XML x?>",
        "<a><?" "?></a>",
        "<!--a--b--><a/>",
        "<!-- a ---><a/>",
        "<!---><a/>-->",
        "<a>]]></a>",
        "<a b=\"1\"c=\"2\"/>",
        "<a b=\"1\" b=\"2\"/>",
        "<a b=\"<\"/>",
        "<a b=\"&#0;\"/>",
        "<a b=1/>",
        "<a>&#X41;</a>",
        "<a>&#x;</a>",
        "<a>&#xD800;</a>",
        "<a>&#x110000;</a>",
        "<a>&nbsp;</a>",
        "<a>&amp</a>",
        "<a>&;</a>",
        "<a>\x01</a>",
        "<a>\xC3\x28</a>",
        "<a>\xED\xA0\x80</a>",
        "<a>\xEF\xBF\xBE</a>",
        "<a>\xC3</a>",
        "<1a/>",
        "<a\xC3\x28/>",
        "<a\xC3/>",
        "< a/>",
        "</ a>",
        "<a/ >",
        "<![CDATA[x]]><a/>",
        "<!DOCTYPE a><a/>",
        "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
        "<a><!DOCTYPE a></a>",
        "<a><!x></a>",
        "<a><!--x",
        "<a><![CDATA[x",
        "<a b=\"x",
        "<a>\xF0\x9F\x94",
    };
    for (const std::string& xml : refused) {
        CAPTURE(xml);
        CHECK_FALSE(cxf_reads(xml).accepted);
        CHECK_FALSE(cxf::fuzz::parse_with_expat(cxf::as_bytes(xml)).accepted);
        check_agreement(xml);
    }
}

TEST_CASE("the XML parser refuses with the line of the fault and a reason", "[kdbx][xml]") {
    const auto error = [](const std::string& xml) { return cxf_reads(xml, 2).error; };
    CHECK(error("<a>\n<b>\n</c></a>") == "XML line 3 (XML): the XML is not well-formed: </c> closes <b>");
    CHECK(error("<a>\n\n<b x='1' x='2'/></a>") == "XML line 3 (XML): the XML is not well-formed: a duplicate attribute");
    CHECK(error("<a>\r\n\r\nx &nbsp;</a>") == "XML line 3 (XML): the XML is not well-formed: an undefined entity");
    CHECK(error("<a>\n\xC3\x28</a>") == "XML line 2: the XML is not valid UTF-8");
    CHECK(error("<a>\n]]></a>") == "XML line 2 (XML): the XML is not well-formed: ]]> in character data");
    CHECK(error("<a>\n<b>\n") == "XML line 3 (XML): the XML is not well-formed: the document ends before </b>");
    CHECK(error("<a>\n<b x='") == "XML line 2 (XML): the XML is not well-formed: the document ends inside a tag");
    CHECK(error("\n<!DOCTYPE a>") == "XML line 2 (DOCTYPE): a DOCTYPE declaration is not allowed in KDBX XML");
    CHECK(error("<a\nb='1'\nc='&x;'/>") == "XML line 3 (XML): the XML is not well-formed: an undefined entity");
}

TEST_CASE("the XML parser caps tokens alike whole and in pieces, and holds back no more", "[kdbx][xml]") {
    Ignore ignore;
    const std::string file = "capped.xml";
    const auto feed = [&](const std::string& xml, std::uint64_t max_text, std::size_t piece) {
        cxf::kdbx::detail::XmlParser parser(file, max_text, ignore);
        for (std::size_t at = 0; at < xml.size(); at += piece) parser.feed(cxf::as_bytes(std::string_view(xml).substr(at, piece)));
        parser.finish();
    };
    for (const std::size_t piece : {std::size_t{1} << 30, std::size_t{4096}, std::size_t{100000}}) {
        CAPTURE(piece);
        const cxf::Error tag = test::thrown_by([&] { feed("<a b='" + std::string(1100000, 'x') + "'/>", 1 << 30, piece); });
        CHECK(tag.code() == Errc::limit_exceeded);
        CHECK(tag.what() == std::string("a tag is longer than the cap of 1048576 bytes"));
        const cxf::Error reference = test::thrown_by([&] { feed("<a>&#" + std::string(1100000, '0') + "65;</a>", 1 << 30, piece); });
        CHECK(reference.what() == std::string("a reference is longer than the cap of 1048576 bytes"));
        const cxf::Error instruction = test::thrown_by([&] { feed("<?p " + std::string(1100000, 'x') + "?><a/>", 1 << 30, piece); });
        CHECK(instruction.what() == std::string("a processing instruction is longer than the cap of 1048576 bytes"));

        const std::string comment = "<a><!--" + std::string(3 << 20, 'x') + "--></a>";
        const cxf::Error capped = test::thrown_by([&] { feed(comment, 2 << 20, piece); });
        CHECK(capped.code() == Errc::limit_exceeded);
        CHECK(capped.where().file == file);
        CHECK_NOTHROW(feed(comment, 4 << 20, piece));  // under the cap, a long comment is read
    }
    // A comment of exactly the cap, cut between its -- and >, is read as it is whole.
    const std::string at_cap = "<a><!--" + std::string((1 << 20) - 4, 'x') + "--></a>";
    const std::size_t cut = at_cap.find("-->") + 2;
    cxf::kdbx::detail::XmlParser parser(file, 1 << 20, ignore);
    parser.feed(cxf::as_bytes(std::string_view(at_cap).substr(0, cut)));
    parser.feed(cxf::as_bytes(std::string_view(at_cap).substr(cut)));
    CHECK_NOTHROW(parser.finish());
}
