// regkey (opt-in): Windows registry keys under the ten root spellings, in
// prose, reg.exe commands and output, .reg files, JSON and PowerShell; where
// a key ends (spaces inside names followed by "\" only); doubled backslashes
// collapsed on refang; the same at every chunk size; linear on hostile
// lines; in JSONL, CSV, JSON and STIX output.
#include "linear_time.hpp"
#include "support/json.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

V keys(const std::string& text, bool refang = false, std::size_t piece = 0) {
    return values_found(Type::regkey, text, refang, piece);
}

TEST(Regkey, EveryRootInAnyCase) {
    EXPECT_EQ(keys("HKLM\\a HKCU\\b HKCR\\c HKU\\d HKCC\\e HKEY_LOCAL_MACHINE\\f HKEY_CURRENT_USER\\g "
                   "HKEY_CLASSES_ROOT\\h HKEY_USERS\\i HKEY_CURRENT_CONFIG\\j hklm\\k Hkey_Current_User\\l"),
              (V{"HKLM\\a", "HKCU\\b", "HKCR\\c", "HKU\\d", "HKCC\\e", "HKEY_LOCAL_MACHINE\\f", "HKEY_CURRENT_USER\\g",
                 "HKEY_CLASSES_ROOT\\h", "HKEY_USERS\\i", "HKEY_CURRENT_CONFIG\\j", "hklm\\k", "Hkey_Current_User\\l"}));
}

TEST(Regkey, SpacesOnlyInsideNamesBeforeABackslash) {
    EXPECT_EQ(keys("The key HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon is changed."),
              V{"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon"});
    EXPECT_EQ(keys("persists in HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run.\n"),
              V{"HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"});
    EXPECT_EQ(keys("(see HKLM\\System\\CurrentControlSet\\Services\\evil), then"),
              V{"HKLM\\System\\CurrentControlSet\\Services\\evil"});
    // Two keys in one sentence: the second root starts a second key.
    EXPECT_EQ(keys("HKLM\\Software\\Foo and HKCU\\Software\\Bar Baz\\Qux or HKU\\x y"),
              (V{"HKLM\\Software\\Foo", "HKCU\\Software\\Bar Baz\\Qux", "HKU\\x"}));
    // A name with "/" inside, a name starting with a dot, "{GUID}" names.
    EXPECT_EQ(keys("HKCR\\MIME\\Database\\Content Type\\application/x-evil HKCR\\.hta "
                   "HKCR\\CLSID\\{0AFACED1-E828-11D1-9187-B532F1E9575D}\\InprocServer32"),
              (V{"HKCR\\MIME\\Database\\Content Type\\application/x-evil", "HKCR\\.hta",
                 "HKCR\\CLSID\\{0AFACED1-E828-11D1-9187-B532F1E9575D}\\InprocServer32"}));
}

TEST(Regkey, RegExeCommandsAndOutput) {
    EXPECT_EQ(keys("reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v Evil /t REG_SZ /d C:\\x.exe /f"),
              V{"HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"});
    EXPECT_EQ(keys("reg query \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\" /s"),
              V{"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options"});
    EXPECT_EQ(keys("\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\n"
                   "    SecurityHealth    REG_EXPAND_SZ    %windir%\\system32\\SecurityHealthSystray.exe\n"),
              V{"HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run"});
    // PowerShell drives: New-ItemProperty -Path HKCU:\... -Name ...
    EXPECT_EQ(keys("New-ItemProperty -Path HKCU:\\Software\\Classes\\ms-settings\\Shell\\Open\\command -Name x"),
              V{"HKCU:\\Software\\Classes\\ms-settings\\Shell\\Open\\command"});
}

TEST(Regkey, RegFilesAndJsonWithDoubledBackslashes) {
    const std::string reg =
        "Windows Registry Editor Version 5.00\r\n\r\n"
        "[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run]\r\n"
        "\"Updater\"=\"C:\\\\Users\\\\Public\\\\u.exe\"\r\n"
        "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows Defender]\r\n";
    EXPECT_EQ(keys(reg), (V{"HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
                            "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows Defender"}));
    const std::string json = R"({"key": "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon", "v": 1})";
    EXPECT_EQ(keys(json), V{R"(HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon)"});
    EXPECT_EQ(keys(json, true), V{R"(HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon)"});
    EXPECT_EQ(refang(Type::regkey, R"(hkcu\\Software\\Run)"), R"(hkcu\Software\Run)");
}

TEST(Regkey, RefangIsIdempotentOnAnyText) {
    // postpass_fuzz found "\\\\" folding twice: only a key doubled
    // throughout is folded, once; anything else comes back as written.
    for (const std::string text : {R"(HKLM\\\\a)", R"(a\\b\c)", R"(\\)", "x\\\\\\y", R"(HKLM\Run)"}) {
        const std::string once = refang(Type::regkey, text);
        EXPECT_EQ(refang(Type::regkey, once), once) << text;
    }
    EXPECT_EQ(refang(Type::regkey, R"(a\\\\b)"), R"(a\\\\b)");
    EXPECT_EQ(refang(Type::regkey, R"(HKLM\Run)"), R"(HKLM\Run)");
}

TEST(Regkey, NotKeys) {
    // A root alone or glued to a word, other hives' spellings, no name after the root.
    EXPECT_TRUE(keys("HKLM HKCU\\ xHKLM\\Software HKLM_x\\y HKLMx\\y HKEY\\x HKCU\\\\ HKLM\\ Software HKLM/Software")
                    .empty());
    // Names hold no quotes, brackets or ":"; mixed separators end the key.
    // A last name with spaces is whole only when a quote or "]" closes it.
    EXPECT_EQ(keys("'HKLM\\Software\\x' HKLM\\\\Software\\Run HKLM\\Software\\\\Run"),
              (V{"HKLM\\Software\\x", "HKLM\\\\Software", "HKLM\\Software"}));
}

TEST(Regkey, ARootStartsAWord) {
    // After "\" or "/" a root is a path's name (a folder called "HKLM").
    EXPECT_TRUE(keys("C:\\HKLM\\x C:\\\\HKCU\\\\y /tmp/hkcu\\z a/HKEY_USERS\\S-1").empty());
    // Other punctuation before it leaves it a key.
    EXPECT_EQ(keys("(HKLM\\a) \"HKCU\\b\" x:HKCR\\c -HKU\\d"),
              (V{"HKLM\\a", "HKCU\\b", "HKCR\\c", "HKU\\d"}));
}

TEST(Regkey, HashesAndOtherIocsAround) {
    const std::string text =
        "d41d8cd98f00b204e9800998ecf8427e HKLM\\Software\\Evil 10.0.0.1 https://example.org/a "
        "HKCU\\Software\\d41d8cd98f00b204e9800998ecf8427e \"HKLM\\a b\\c d\" [HKU\\e f]\n";
    const auto found = scan_pieces(text, options_for({Type::regkey, Type::md5, Type::ipv4, Type::url}));
    EXPECT_EQ(values_of(found, Type::regkey), (V{"HKLM\\Software\\Evil", "HKCU\\Software\\d41d8cd98f00b204e9800998ecf8427e",
                                                  "HKLM\\a b\\c d", "HKU\\e f"}));
    EXPECT_EQ(values_of(found, Type::md5), (V{"d41d8cd98f00b204e9800998ecf8427e", "d41d8cd98f00b204e9800998ecf8427e"}));
    EXPECT_EQ(values_of(found, Type::ipv4), V{"10.0.0.1"});
    EXPECT_EQ(values_of(found, Type::url), V{"https://example.org/a"});
}

TEST(Regkey, OffByDefaultOnWithAll) {
    const std::string text = "run key HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run set";
    EXPECT_TRUE(values_of(scan_pieces(text, Options{}), Type::regkey).empty());
    const Options all = options_for_all_types();
    EXPECT_EQ(values_of(scan_pieces(text, all), Type::regkey), V{"HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"});
}

TEST(Regkey, InvariantUnderPieceSize) {
    const std::string text =
        "a HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon. b [HKEY_USERS\\S-1-5-18\\Software]\n"
        "\"HKCU\\\\Software\\\\Run\" xHKLM\\a reg add HKCU\\Software\\Run /v x HKLM\\a or HKCC\\b c\n";
    const V expected = keys(text);
    ASSERT_EQ(expected, (V{"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon", "HKEY_USERS\\S-1-5-18\\Software",
                           "HKCU\\\\Software\\\\Run", "HKCU\\Software\\Run", "HKLM\\a", "HKCC\\b"}));
    for (std::size_t piece : {1, 7, 33, 4096}) EXPECT_EQ(keys(text, false, piece), expected) << piece;
}

TEST(Regkey, HostileLinesScanInLinearTime) {
    const Options options = options_for({Type::regkey});
    expect_linear_time_on_repeated(options, {"HKLM\\", "HKLM\\a ", "HKLM\\a b ", "a b ", "HKLM\\a HKCU\\b ", "\\\\",
                                             "HKCU:"});
    // A key under spaced words that never reach a backslash: one key, and the next one.
    EXPECT_EQ(keys("HKLM\\a" + repeated(" word", 1 << 20) + ", HKCU\\b"), (V{"HKLM\\a", "HKCU\\b"}));
}

TEST(Regkey, CliJsonlCsvJsonAndStix) {
    const std::string text = "{\"k\":\"HKLM\\\\Software\\\\Evil Corp\\\\Run\"}\n";
    const JsonValue line = parse_json(run_iocscan({"--types", "regkey", "--jsonl", "--refang"}, text).out);
    EXPECT_EQ(line.at("type").string, "regkey");
    EXPECT_EQ(line.at("value").string, "HKLM\\Software\\Evil Corp\\Run");
    EXPECT_EQ(line.at("raw").string, "HKLM\\\\Software\\\\Evil Corp\\\\Run");
    EXPECT_EQ(run_iocscan({"--types", "regkey", "--format", "csv", "--refang"}, text).out,
              "type,value,raw,offset,path,rules,encoding\r\n"
              "regkey,HKLM\\Software\\Evil Corp\\Run,HKLM\\\\Software\\\\Evil Corp\\\\Run,6,\"'-\",regkey,\r\n");
    EXPECT_EQ(run_iocscan({"--types", "regkey", "--json", "--refang"}, text).out,
              "{\"registry_keys\":[\"HKLM\\\\Software\\\\Evil Corp\\\\Run\"]}\n");
    EXPECT_NE(run_iocscan({"--help"}).out.find(" regkey"), std::string::npos);
    const auto stix = run_iocscan({"--format", "stix", "--types", "regkey"}, "HKCU:\\Software\\It's\n",
                                  {"SOURCE_DATE_EPOCH=1700000000"});
    ASSERT_EQ(stix.exit_code, 0) << stix.err;
    const JsonValue bundle = parse_json(stix.out);
    const auto& objects = bundle.at("objects").array;
    ASSERT_EQ(objects.size(), 1u) << stix.out;
    EXPECT_EQ(objects[0].at("type").string, "indicator");
    // STIX wants the hive spelled out (HKEY_CURRENT_USER, not HKCU), no
    // drive colon; a quote ends a name; backslashes escaped in the literal.
    EXPECT_EQ(objects[0].at("pattern").string, "[windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\It']");
}

}  // namespace
}  // namespace iocscan::test
