package cn.chanrong.demo.generator;

import java.util.HashSet;
import java.util.Set;

/**
 * Trade names (字号) of two or three characters and their pinyin. Every character has its own
 * syllable and no syllable starts with a vowel, so distinct brands always spell distinct pinyin
 * (no "Xi'an" / "Xian" ambiguity) and English names stay as unique as Chinese ones. A brand id below
 * {@link #twoCharCount()} is a two-character brand, the rest three-character.
 */
final class Brands {

    private static final String TABLE = "华hua 信xin 达da 泰tai 恒heng 德de 隆long 盛sheng 丰feng 康kang 宏hong 嘉jia 瑞rui 祥xiang 博bo 科ke 联lian "
            + "创chuang 威wei 立li 凯kai 明ming 宁ning 中zhong 天tian 通tong 海hai 金jin 银yin 星xing 光guang 辉hui 腾teng "
            + "飞fei 宇yu 航hang 润run 和he 顺shun 昌chang 荣rong 源yuan 驰chi 精jing 诚cheng 卓zhuo 越yue 智zhi 耀yao 振zhen "
            + "东dong 南nan 北bei 西xi 洋yang 江jiang 川chuan 山shan 林lin 森sen 松song 柏bai 楚chu 汉han 唐tang 鲁lu 吉ji 旭xu "
            + "晨chen 彩cai 蓝lan 青qing 紫zi 赛sai 拓tuo 展zhan 鼎ding 坤kun 乾qian 沃wo 普pu 迈mai 美mei 派pai 富fu 贵gui "
            + "万wan 亿yi 永yong 久jiu 固gu 坚jian 强qiang 奇qi 皓hao 数shu 云yun 网wang 讯xun 电dian 能neng 工gong 巧qiao 速su "
            + "捷jie 帆fan 舟zhou 港gang 岭ling 峻jun 泽ze 淼miao 沛pei 涛tao 雷lei 霆ting 冠guan 魁kui 尚shang 品pin 朗lang "
            + "鹏peng 燕yan 鹰ying 策ce 纳na 诺nuo 农nong 耕geng 邦bang 本ben 彬bin 灿can 超chao 聪cong 翠cui 丹dan 登deng 迪di "
            + "方fang 高gao 环huan 炬ju 宽kuan 乐le 良liang 茂mao 蒙meng 敏min 模mo 牧mu 攀pan 平ping 勤qin 全quan 群qun 仁ren "
            + "韶shao 深shen 硕shuo 思si 穗sui 特te 铁tie 图tu 文wen 霞xia 先xian 骁xiao 协xie 雄xiong 秀xiu 轩xuan 雅ya 业ye "
            + "友you 昭zhao 哲zhe 正zheng 庄zhuang 宗zong";

    private static final char[] CHARS;
    private static final String[] PINYIN;
    private static final long K;

    static {
        String[] entries = TABLE.split(" ");
        CHARS = new char[entries.length];
        PINYIN = new String[entries.length];
        Set<Character> chars = new HashSet<>();
        Set<String> syllables = new HashSet<>();
        for (int i = 0; i < entries.length; i++) {
            CHARS[i] = entries[i].charAt(0);
            PINYIN[i] = entries[i].substring(1);
            if (!chars.add(CHARS[i]) || !syllables.add(PINYIN[i]) || "aoeiu".indexOf(PINYIN[i].charAt(0)) >= 0) {
                throw new IllegalStateException("brand table entry breaks uniqueness: " + entries[i]);
            }
        }
        K = entries.length;
    }

    private Brands() {
    }

    static long twoCharCount() {
        return K * K;
    }

    static long threeCharCount() {
        return K * K * K;
    }

    static long capacity() {
        return twoCharCount() + threeCharCount();
    }

    static String zh(long brand) {
        int[] d = digits(brand);
        StringBuilder b = new StringBuilder(3);
        for (int x : d) {
            b.append(CHARS[x]);
        }
        return b.toString();
    }

    /** Pinyin with one capital, as Chinese firms write their trade name in English: "Huaxin". */
    static String en(long brand) {
        int[] d = digits(brand);
        StringBuilder b = new StringBuilder(18);
        for (int x : d) {
            b.append(PINYIN[x]);
        }
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.toString();
    }

    private static int[] digits(long brand) {
        if (brand < 0 || brand >= capacity()) {
            throw new IllegalArgumentException("brand " + brand);
        }
        if (brand < twoCharCount()) {
            return new int[] {(int) (brand / K), (int) (brand % K)};
        }
        long x = brand - twoCharCount();
        return new int[] {(int) (x / (K * K)), (int) (x / K % K), (int) (x % K)};
    }

    /**
     * Hands out brands in a seeded order: two-character ones while they last and the draw asks for
     * them, three-character ones otherwise. Each id is handed out once.
     */
    static final class Allocator {
        private final Permutation two;
        private final Permutation three;
        private long nextTwo;
        private long nextThree;

        Allocator(long seed) {
            two = new Permutation(twoCharCount(), seed ^ 0x2B2B2B2BL);
            three = new Permutation(threeCharCount(), seed ^ 0x3C3C3C3CL);
        }

        long next(boolean preferTwo) {
            if (preferTwo && nextTwo < two.domain()) {
                return two.apply(nextTwo++);
            }
            if (nextThree >= three.domain()) {
                throw new IllegalStateException("brands exhausted");
            }
            return twoCharCount() + three.apply(nextThree++);
        }
    }
}
