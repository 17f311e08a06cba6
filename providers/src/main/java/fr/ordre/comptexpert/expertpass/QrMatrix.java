package fr.ordre.comptexpert.expertpass;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import java.nio.charset.StandardCharsets;

/**
 * The modules of a QR code (byte mode, ISO/IEC 18004) with a mask chosen by the caller, on ZXing's version tables
 * ({@link Version}) and a table-driven Reed-Solomon encoder (ZXing's allocates polynomials for each block).
 * <p>
 * Why not ZXing's {@code Encoder}: it builds the symbol nine times to score the eight masks, about 0.6 ms for the
 * sign-in QR (version 8), which made the login page 1.5 times as costly to render (docs/performance.md). The
 * standard lets an encoder use any mask; the score only steers away from patterns that are harder to read, and
 * readers decode every mask. Built once here, it costs a few tens of µs. ZXing 3.4.0 (the server's copy) cannot
 * be told which mask to use. {@code QrMatrixTest} checks every module against ZXing's encoder given ZXing's own mask choice.
 */
final class QrMatrix {

    /** Mask 0, (x + y) mod 2: a checkerboard over the data, which breaks long runs of one colour. */
    static final int DEFAULT_MASK = 0;

    private static final int FORMAT_POLY = 0x537;
    private static final int FORMAT_XOR = 0x5412;
    private static final int VERSION_POLY = 0x1f25;
    private static final int[][] FORMAT_TOP_LEFT = {
        {8, 0}, {8, 1}, {8, 2}, {8, 3}, {8, 4}, {8, 5}, {8, 7}, {8, 8}, {7, 8}, {5, 8}, {4, 8}, {3, 8}, {2, 8}, {1, 8},
        {0, 8},
    };

    /** GF(256) of QR codes (x^8 + x^4 + x^3 + x^2 + 1): antilog and log tables, filled once, then constant. */
    private static final int[] EXP = new int[512];

    private static final int[] LOG = new int[256];

    static {
        int x = 1;
        for (int i = 0; i < 255; i++) {
            EXP[i] = x;
            LOG[x] = i;
            x <<= 1;
            if (x >= 256) {
                x ^= 0x11D;
            }
        }
        System.arraycopy(EXP, 0, EXP, 255, 255);
    }

    private final int size;
    private final boolean[] dark;
    private final boolean[] reserved;

    private QrMatrix(int size) {
        this.size = size;
        this.dark = new boolean[size * size];
        this.reserved = new boolean[size * size];
    }

    /** The text's UTF-8 bytes in byte mode, at the smallest version that holds them at {@code level}. */
    static BitMatrix encode(String text, ErrorCorrectionLevel level, int mask) {
        if (mask < 0 || mask > 7) {
            throw new IllegalArgumentException("mask " + mask);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Version version = smallestVersion(bytes.length, level);
        QrMatrix m = new QrMatrix(version.getDimensionForVersion());
        m.functionPatterns(version);
        m.format(level, mask);
        m.versionInfo(version.getVersionNumber());
        m.data(codewords(bytes, version, level), mask);
        BitMatrix out = new BitMatrix(m.size);
        for (int y = 0; y < m.size; y++) {
            for (int x = 0; x < m.size; x++) {
                if (m.dark[y * m.size + x]) {
                    out.set(x, y);
                }
            }
        }
        return out;
    }

    private static int countBits(int version) {
        return version < 10 ? 8 : 16;
    }

    private static int dataCodewords(Version version, ErrorCorrectionLevel level) {
        return version.getTotalCodewords() - version.getECBlocksForLevel(level).getTotalECCodewords();
    }

    private static Version smallestVersion(int length, ErrorCorrectionLevel level) {
        for (int v = 1; v <= 40; v++) {
            Version version = Version.getVersionForNumber(v);
            if (4 + countBits(v) + 8 * length <= 8 * dataCodewords(version, level) && length < 1 << countBits(v)) {
                return version;
            }
        }
        throw new IllegalArgumentException("Too long for a QR code: " + length + " bytes");
    }

    /** Mode, count, bytes, terminator and padding, split in blocks, each with its error correction, interleaved. */
    private static byte[] codewords(byte[] bytes, Version version, ErrorCorrectionLevel level) {
        int capacity = dataCodewords(version, level);
        byte[] data = new byte[capacity];
        BitWriter bits = new BitWriter(data);
        bits.write(0b0100, 4);
        bits.write(bytes.length, countBits(version.getVersionNumber()));
        for (byte b : bytes) {
            bits.write(b & 0xff, 8);
        }
        bits.write(0, Math.min(4, 8 * capacity - bits.length));
        int next = (bits.length + 7) / 8;
        for (int pad = 0; next < capacity; pad ^= 1) {
            data[next++] = (byte) (pad == 0 ? 0xEC : 0x11);
        }

        Version.ECBlocks blocks = version.getECBlocksForLevel(level);
        int ecPerBlock = blocks.getECCodewordsPerBlock();
        int[][] dataBlocks = new int[blocks.getNumBlocks()][];
        int[][] ecBlocks = new int[blocks.getNumBlocks()][];
        int[] generator = generator(ecPerBlock);
        int block = 0;
        int offset = 0;
        int maxData = 0;
        for (Version.ECB group : blocks.getECBlocks()) {
            for (int i = 0; i < group.getCount(); i++, block++) {
                int length = group.getDataCodewords();
                int[] message = new int[length];
                for (int j = 0; j < length; j++) {
                    message[j] = data[offset + j] & 0xff;
                }
                dataBlocks[block] = message;
                ecBlocks[block] = remainder(message, generator);
                offset += length;
                maxData = Math.max(maxData, length);
            }
        }
        byte[] out = new byte[version.getTotalCodewords()];
        int n = 0;
        for (int i = 0; i < maxData; i++) {
            for (int[] d : dataBlocks) {
                if (i < d.length) {
                    out[n++] = (byte) d[i];
                }
            }
        }
        for (int i = 0; i < ecPerBlock; i++) {
            for (int[] e : ecBlocks) {
                out[n++] = (byte) e[i];
            }
        }
        return out;
    }

    private static int multiply(int a, int b) {
        return a == 0 || b == 0 ? 0 : EXP[LOG[a] + LOG[b]];
    }

    /** (x - α^0)(x - α^1)…(x - α^(degree-1)), highest coefficient first. */
    private static int[] generator(int degree) {
        int[] g = {1};
        for (int i = 0; i < degree; i++) {
            int[] next = new int[g.length + 1];
            for (int j = 0; j < g.length; j++) {
                next[j] ^= g[j];
                next[j + 1] ^= multiply(g[j], EXP[i]);
            }
            g = next;
        }
        return g;
    }

    /** The error-correction codewords: the message times x^degree, modulo the generator. */
    private static int[] remainder(int[] message, int[] generator) {
        int degree = generator.length - 1;
        int[] r = new int[degree];
        for (int m : message) {
            int factor = m ^ r[0];
            System.arraycopy(r, 1, r, 0, degree - 1);
            r[degree - 1] = 0;
            for (int j = 0; j < degree; j++) {
                r[j] ^= multiply(generator[j + 1], factor);
            }
        }
        return r;
    }

    private void set(int x, int y, boolean value) {
        dark[y * size + x] = value;
        reserved[y * size + x] = true;
    }

    /** Finders with their separators, the dark module, alignment patterns, timing lines. */
    private void functionPatterns(Version version) {
        finder(0, 0);
        finder(size - 7, 0);
        finder(0, size - 7);
        set(8, size - 8, true);
        int[] centers = version.getAlignmentPatternCenters();
        for (int cy : centers) {
            for (int cx : centers) {
                if (!reserved[cy * size + cx]) {
                    for (int dy = -2; dy <= 2; dy++) {
                        for (int dx = -2; dx <= 2; dx++) {
                            set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) != 1);
                        }
                    }
                }
            }
        }
        // Timing lines last: where an alignment pattern crosses them, it is already there (same colours).
        for (int i = 8; i < size - 8; i++) {
            if (!reserved[6 * size + i]) {
                set(i, 6, i % 2 == 0);
            }
            if (!reserved[i * size + 6]) {
                set(6, i, i % 2 == 0);
            }
        }
    }

    /** A 7×7 finder with the light separator around it (clipped at the symbol's edge). */
    private void finder(int left, int top) {
        for (int dy = -1; dy <= 7; dy++) {
            for (int dx = -1; dx <= 7; dx++) {
                int x = left + dx;
                int y = top + dy;
                if (x < 0 || y < 0 || x >= size || y >= size) {
                    continue;
                }
                int ring = Math.max(Math.abs(dx - 3), Math.abs(dy - 3));
                set(x, y, ring != 2 && ring != 4);
            }
        }
    }

    /** Level and mask, BCH(15,5) protected, in both copies. */
    private void format(ErrorCorrectionLevel level, int mask) {
        int info = level.getBits() << 3 | mask;
        int format = (info << 10 | remainder(info << 10, FORMAT_POLY, 10)) ^ FORMAT_XOR;
        for (int i = 0; i < 15; i++) {
            boolean bit = (format >> i & 1) == 1;
            set(FORMAT_TOP_LEFT[i][0], FORMAT_TOP_LEFT[i][1], bit);
            if (i < 8) {
                set(size - 1 - i, 8, bit);
            } else {
                set(8, size - 7 + (i - 8), bit);
            }
        }
    }

    /** From version 7: the version number, BCH(18,6) protected, beside the top-right and bottom-left finders. */
    private void versionInfo(int version) {
        if (version < 7) {
            return;
        }
        int info = version << 12 | remainder(version << 12, VERSION_POLY, 12);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 3; j++) {
                boolean bit = (info >> (i * 3 + j) & 1) == 1;
                set(i, size - 11 + j, bit);
                set(size - 11 + j, i, bit);
            }
        }
    }

    private static int remainder(int value, int poly, int degree) {
        int top = Integer.numberOfLeadingZeros(poly);
        while (Integer.numberOfLeadingZeros(value) <= top) {
            value ^= poly << (top - Integer.numberOfLeadingZeros(value));
        }
        return value & ((1 << degree) - 1);
    }

    /** The codewords in the two-column zigzag from the bottom right, masked; remainder bits are light. */
    private void data(byte[] codewords, int mask) {
        int bit = 0;
        int total = codewords.length * 8;
        int direction = -1;
        int y = size - 1;
        for (int x = size - 1; x > 0; x -= 2) {
            if (x == 6) {
                x--;
            }
            for (; y >= 0 && y < size; y += direction) {
                for (int i = 0; i < 2; i++) {
                    int xx = x - i;
                    if (reserved[y * size + xx]) {
                        continue;
                    }
                    boolean value = bit < total && (codewords[bit >> 3] >> (7 - (bit & 7)) & 1) == 1;
                    bit++;
                    dark[y * size + xx] = value ^ masked(mask, xx, y);
                }
            }
            direction = -direction;
            y += direction;
        }
    }

    /** The eight data masks of ISO/IEC 18004 (x is the column, y the row). */
    static boolean masked(int mask, int x, int y) {
        return switch (mask) {
            case 0 -> (x + y) % 2 == 0;
            case 1 -> y % 2 == 0;
            case 2 -> x % 3 == 0;
            case 3 -> (x + y) % 3 == 0;
            case 4 -> (y / 2 + x / 3) % 2 == 0;
            case 5 -> x * y % 2 + x * y % 3 == 0;
            case 6 -> (x * y % 2 + x * y % 3) % 2 == 0;
            default -> (x * y % 3 + (x + y) % 2) % 2 == 0;
        };
    }

    /** Big-endian bits into a byte array. */
    private static final class BitWriter {
        private final byte[] out;
        int length;

        BitWriter(byte[] out) {
            this.out = out;
        }

        void write(int value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                if ((value >> i & 1) == 1) {
                    out[length >> 3] |= (byte) (0x80 >>> (length & 7));
                }
                length++;
            }
        }
    }
}
