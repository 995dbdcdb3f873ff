// The family registry (src/families/registry.cpp): every row is complete
// and agrees with what the library, the STIX and the MISP writers do with a
// real value of its type.
#include "cli/misp_mapping.hpp"
#include "cli/stix_writer.hpp"
#include "families/registry.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <string>

namespace iocscan {
namespace {

using test::Found;

/// One value of each type as it is written in a report (defanged where the
/// type has a defanged form), and its plain form; in Type order.
struct Sample {
    Type type;
    std::string raw;
    std::string plain;   ///< empty: as written
};

const std::array<Sample, kTypeCount> kSamples = {{
    {Type::url, "hxxp://evil[.]example/a/b", "http://evil.example/a/b"},
    {Type::ipv4, "10[.]0[.]0[.]1", "10.0.0.1"},
    {Type::ipv6, "2001[:]db8[:][:]1", "2001:db8::1"},
    {Type::email, "ops[@]example[.]org", "ops@example.org"},
    {Type::md5, "d41d8cd98f00b204e9800998ecf8427e", ""},
    {Type::sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709", ""},
    {Type::sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ""},
    {Type::sha512,
     "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
     "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e", ""},
    {Type::yara, "rule third{condition:true}", ""},
    {Type::custom, "ticket-4711", ""},
    {Type::domain, "evil[.]example.com", "evil.example.com"},
    {Type::cidr, "10[.]0[.]0[.]0/8", "10.0.0.0/8"},
    {Type::phone, "(212) 555-0147", ""},
    {Type::cve, "cve-2021-44228", "CVE-2021-44228"},
    {Type::attack, "T1059.001", ""},
    {Type::mac, "00-1A-2B-3C-4D-5E", "00:1a:2b:3c:4d:5e"},
    {Type::asn, "ASN 13335", "AS13335"},
    {Type::regkey, "HKLM\\\\Software\\\\Run", "HKLM\\Software\\Run"},
    {Type::ssdeep, "96:s4Ud1Lj96tHHlcB/pOyI2+mXZZ:s4Ud1LjktHHG", ""},
    {Type::btc, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", ""},
    {Type::eth, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", ""},
    {Type::onion, "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid[.]onion",
     "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion"},
    {Type::xmr,
     "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A", ""},
}};

/// The matches of `sample` scanned alone for its type, values refanged.
std::vector<Found> scan_sample(const Sample& sample) {
    Options options = test::options_for({sample.type}, true);
    if (sample.type == Type::custom) options.custom_patterns = {{R"(\b(ticket-\d+)\b)", 1}};
    return test::scan_pieces("see " + sample.raw + " here\n", options);
}

TEST(FamilyRegistry, OneRowPerTypeInOrderWithAllItsFacts) {
    const auto rows = detail::families();
    ASSERT_EQ(rows.size(), kTypeCount);
    std::set<std::string_view> names;
    for (std::size_t t = 0; t < kTypeCount; ++t) {
        const Type type = static_cast<Type>(t);
        const detail::Family& row = rows[t];
        EXPECT_EQ(row.type, type) << t;
        EXPECT_EQ(&detail::family(type), &row) << t;
        EXPECT_EQ(type_name(type), row.name);
        Type parsed = Type::custom;
        EXPECT_TRUE(parse_type(row.name, parsed)) << row.name;
        EXPECT_EQ(parsed, type) << row.name;
        EXPECT_TRUE(names.insert(row.name).second) << "two rows named " << row.name;
        EXPECT_FALSE(row.json_key.empty()) << row.name;
        EXPECT_NE(row.refang, nullptr) << row.name;
        EXPECT_NE(row.defang, nullptr) << row.name;
        // The MISP writer's row is the registry's.
        const cli::MispAttributeKind& misp = cli::misp_attribute_kind(row.name);
        EXPECT_EQ(misp.iocscan_type, row.name);
        EXPECT_EQ(misp.misp_type, row.misp.type) << row.name;
        EXPECT_EQ(misp.category, row.misp.category) << row.name;
        EXPECT_EQ(misp.to_ids, row.misp.to_ids) << row.name;
    }
    EXPECT_EQ(cli::misp_attribute_kinds().size(), kTypeCount);
}

TEST(FamilyRegistry, DefaultsAreIocextractsFamilies) {
    TypeSet expected;
    for (Type t : {Type::url, Type::ipv4, Type::ipv6, Type::email, Type::md5, Type::sha1, Type::sha256,
                   Type::sha512, Type::yara, Type::cidr}) {
        expected.add(t);
    }
    EXPECT_TRUE(TypeSet::defaults() == expected);
}

TEST(FamilyRegistry, HashesShareOneJsonListAndOneTypesName) {
    for (const detail::Family& row : detail::families()) {
        const bool hash = row.type == Type::md5 || row.type == Type::sha1 || row.type == Type::sha256 ||
                          row.type == Type::sha512;
        EXPECT_EQ(row.json_key == "hashes", hash) << row.name;
        EXPECT_EQ(row.group_name == "hashes", hash) << row.name;
    }
}

TEST(FamilyRegistry, EverySampleIsFoundAsItsTypeAndRefangsToAFixedPoint) {
    for (std::size_t t = 0; t < kTypeCount; ++t) {
        const Sample& sample = kSamples[t];
        const detail::Family& row = detail::family(sample.type);
        ASSERT_EQ(sample.type, static_cast<Type>(t)) << "kSamples: one per type, in order";
        const auto found = scan_sample(sample);
        ASSERT_EQ(found.size(), 1u) << row.name << ": " << test::describe(found);
        EXPECT_EQ(found[0].type, sample.type) << row.name;
        EXPECT_EQ(found[0].raw, sample.raw) << row.name;
        const std::string plain = refang(sample.type, sample.raw);
        EXPECT_EQ(plain, sample.plain.empty() ? sample.raw : sample.plain) << row.name;
        EXPECT_EQ(found[0].value, plain) << row.name;
        EXPECT_EQ(refang(sample.type, plain), plain) << row.name << ": refang is not idempotent";
        // Defang is undone by refang, and defanging twice changes nothing.
        const std::string defanged = defang(sample.type, plain);
        EXPECT_EQ(refang(sample.type, defanged), plain) << row.name << ": " << defanged;
        EXPECT_EQ(defang(sample.type, defanged), defanged) << row.name;
        // A type written with defanged dots in reports is defanged that way
        // by --defang (onion names used to be copied unchanged).
        if (sample.raw.find("[.]") != std::string::npos) {
            EXPECT_NE(defanged.find("[.]"), std::string::npos) << row.name << ": " << defanged;
        }
    }
}

TEST(FamilyRegistry, EachShapeGuessTakesItsOwnSampleAndNoOther) {
    std::size_t guessed = 0;
    for (const Sample& sample : kSamples) {
        for (const detail::Family& row : detail::families()) {
            if (row.looks_like == nullptr) continue;
            // md5's guess stands for every hash: refang and defang treat them alike.
            const bool hash = sample.type == Type::sha1 || sample.type == Type::sha256 || sample.type == Type::sha512;
            const bool own = row.type == sample.type || (hash && row.type == Type::md5);
            EXPECT_EQ(row.looks_like(sample.raw), own) << row.name << " on " << sample.raw;
            guessed += own ? 1 : 0;
        }
    }
    EXPECT_EQ(guessed, 8u);   // ipv4 ipv6 email cidr and the four hashes
}

TEST(FamilyRegistry, StixFormsAgreeWithTheBundle) {
    for (const Sample& sample : kSamples) {
        const detail::Family& row = detail::family(sample.type);
        const std::string plain = refang(sample.type, sample.raw);
        cli::StixWriter::NamedObject named;
        const auto shape = cli::StixWriter::shape_of(sample.type, plain, named);
        const std::string pattern = cli::StixWriter::pattern_for(sample.type, plain);
        switch (row.stix) {
            case detail::StixForm::none:
                EXPECT_EQ(shape, cli::StixWriter::Shape::none) << row.name;
                EXPECT_EQ(pattern, "") << row.name;
                break;
            case detail::StixForm::vulnerability:
            case detail::StixForm::attack_object:
                EXPECT_EQ(shape, cli::StixWriter::Shape::named) << row.name;
                EXPECT_FALSE(named.type.empty()) << row.name;
                break;
            case detail::StixForm::yara_rule:
                EXPECT_EQ(shape, cli::StixWriter::Shape::indicator) << row.name;
                EXPECT_EQ(pattern, plain);
                break;
            case detail::StixForm::pattern:
            case detail::StixForm::as_number:
            case detail::StixForm::registry_key:
                EXPECT_EQ(shape, cli::StixWriter::Shape::indicator) << row.name;
                EXPECT_TRUE(pattern.starts_with("[" + std::string(row.stix_property) + " = ")) << pattern;
                EXPECT_TRUE(pattern.ends_with("]")) << pattern;
                break;
        }
    }
    EXPECT_EQ(cli::StixWriter::pattern_for(Type::asn, "AS13335"), "[autonomous-system:number = 13335]");
    EXPECT_EQ(cli::StixWriter::pattern_for(Type::regkey, "HKLM\\Run"),
              "[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\Run']");
}

}  // namespace
}  // namespace iocscan
