package cn.chanrong.capital.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The boards a cultivated enterprise may target: the STAR Market (科创板), ChiNext (创业板), the Beijing Stock Exchange
 * (北交所) and a regional equity market's 专精特新 board (区域性股权市场“专精特新”专板).
 */
public enum ListingBoard {
    STAR, CHINEXT, BSE, REGIONAL;

    public static Optional<ListingBoard> parse(String raw) {
        return Arrays.stream(values()).filter(v -> v.name().equals(raw)).findFirst();
    }
}
