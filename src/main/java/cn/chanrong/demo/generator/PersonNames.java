package cn.chanrong.demo.generator;

import java.util.HashSet;
import java.util.Set;

/**
 * Names of natural persons who control enterprises: surname and a two-character given name. A keyed
 * permutation maps each controller id to its own name, so two controllers never share a name and a
 * shared name in enterprises.csv always means a shared controller.
 */
final class PersonNames {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
            + "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力国林云飞鹏斌宇浩凯俊帆峰亮新波"
            + "宁海龙健晨欣怡佳琳雪慧颖婷倩梅兰凤丹玲燕春晓梦雨嘉思博瑞泽轩昊然睿子涵一诗晴悦雯璐洁琪彤宏志永德成"
            + "荣昌盛兴旺福禄寿喜安康乐和顺达义礼智信仁忠孝诚勤俭朴良善美真正清正方圆东南西北中天地山川河湖江"
            + "松柏竹菊莲荷桃李杏蕾芸芬芝蓉琴瑶瑾珊珍宝金银铭锋锐钧鑫森淼焱垚晶磊彬炜烨煜熙阳光明亮华彩虹霖露霜"
            + "冰岚风雷电星辰月日昕旭昱晖晗晟景启航舟远航程";

    private static final char[] SURNAME_CHARS = distinct(SURNAMES);
    private static final char[] GIVEN_CHARS = distinct(GIVEN);

    private final Permutation permutation;

    PersonNames(long seed) {
        permutation = new Permutation(capacity(), seed ^ 0x9E15_0A11L);
    }

    static long capacity() {
        return (long) SURNAME_CHARS.length * GIVEN_CHARS.length * GIVEN_CHARS.length;
    }

    String name(long controllerId) {
        long x = permutation.apply(controllerId);
        int g = GIVEN_CHARS.length;
        char c3 = GIVEN_CHARS[(int) (x % g)];
        x /= g;
        char c2 = GIVEN_CHARS[(int) (x % g)];
        x /= g;
        return new String(new char[] {SURNAME_CHARS[(int) x], c2, c3});
    }

    private static char[] distinct(String s) {
        Set<Character> seen = new HashSet<>();
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (seen.add(c)) {
                b.append(c);
            }
        }
        return b.toString().toCharArray();
    }
}
