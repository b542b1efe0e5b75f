package cn.chanrong.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages carry the same keys, and templates hold no text of their own. */
class I18nTests {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nTests.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chinese_and_english_have_the_same_keys() throws IOException {
        var zh = new TreeSet<>(load("messages.properties").stringPropertyNames());
        var en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        var onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        var onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertThat(onlyZh).as("keys missing in English").isEmpty();
        assertThat(onlyEn).as("keys missing in Chinese").isEmpty();
        assertThat(zh).hasSizeGreaterThan(50);
    }

    @Test
    void chinese_texts_are_chinese_and_english_texts_are_not() throws IOException {
        var zh = load("messages.properties");
        var en = load("messages_en.properties");
        for (String key : en.stringPropertyNames()) {
            if (key.startsWith("lang.")) {
                continue;
            }
            assertThat(en.getProperty(key)).as(key).doesNotContainPattern("[\\u4e00-\\u9fff]");
        }
        assertThat(zh.getProperty("nav.enterprises")).containsPattern("[\\u4e00-\\u9fff]");
    }

    @Test
    void no_message_loses_a_lone_apostrophe_to_message_format() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_en.properties"}) {
            var p = load(file);
            for (String key : p.stringPropertyNames()) {
                assertThat(p.getProperty(key).replace("''", "")).as(file + " " + key).doesNotContain("'");
            }
        }
    }

    @Test
    void templates_contain_no_hard_coded_text() throws IOException {
        Path root = Path.of("src/main/resources/templates");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(f);
                String text = html.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<script[^>]*>.*?</script>", " ").replaceAll("(?s)<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", " ")
                        .replaceAll("&[a-z]+;", " ");
                for (String token : text.split("\\s+")) {
                    if (token.codePoints().anyMatch(Character::isLetter)) {
                        offenders.add(root.relativize(f) + ": " + token);
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
