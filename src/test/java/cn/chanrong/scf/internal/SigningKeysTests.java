package cn.chanrong.scf.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chanrong.platform.PlatformMode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SigningKeysTests {

    @Test
    void outside_demo_mode_the_platform_neither_makes_nor_uses_a_private_key() {
        // no database: the refusal comes before any key is read or generated
        SigningKeys keys = new SigningKeys(null, new PlatformMode(false, Path.of("/nonexistent"), false));
        assertThatThrownBy(() -> keys.sign(1L, "text".getBytes()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no private key");
    }
}
