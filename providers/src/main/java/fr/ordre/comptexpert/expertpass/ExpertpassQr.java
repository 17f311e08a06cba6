package fr.ordre.comptexpert.expertpass;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * QR codes drawn on the server ({@link QrMatrix}, on ZXing core's tables and Reed-Solomon) as a PNG of one pixel
 * per module, 1 bit deep, in a data URI: under 800 characters for the sign-in QR (an SVG path took 6,400), so the
 * login page stays light; the page scales it up with {@code image-rendering: pixelated}, crisp at any size. A
 * data URI needs no second request, nor a URL holding the secret. Written by hand (signature, IHDR, IDAT, IEND):
 * ImageIO would cost more than the code itself.
 */
final class ExpertpassQr {

    static final String DATA_URI_PREFIX = "data:image/png;base64,";
    /** The light margin a reader needs around the code, in modules (ISO/IEC 18004 asks 4). */
    static final int QUIET_ZONE = 4;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ExpertpassQr() {}

    static String dataUri(String content) {
        return DATA_URI_PREFIX + Base64.getEncoder().encodeToString(png(content));
    }

    static byte[] png(String content) {
        BitMatrix matrix = QrMatrix.encode(content, ErrorCorrectionLevel.M, QrMatrix.DEFAULT_MASK);
        int size = matrix.getWidth() + 2 * QUIET_ZONE;
        int rowBytes = (size + 7) / 8;
        // Grey, 1 bit: 1 is white. Each row starts with filter type 0 (none).
        byte[] raw = new byte[size * (rowBytes + 1)];
        for (int y = 0; y < size; y++) {
            int row = y * (rowBytes + 1);
            for (int x = 0; x < size; x++) {
                int mx = x - QUIET_ZONE;
                int my = y - QUIET_ZONE;
                boolean dark =
                        mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight() && matrix.get(mx, my);
                if (!dark) {
                    raw[row + 1 + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, size);
        putInt(header, 4, size);
        header[8] = 1; // bit depth
        header[9] = 0; // greyscale; compression, filter and interlace methods 0
        chunk(out, "IHDR", header);
        chunk(out, "IDAT", zlibStored(raw));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * A zlib stream of stored (uncompressed) blocks: the image is a few hundred bytes, and compressing it would
     * cost more server time (a native Deflater for each code) than the few bytes it saves.
     */
    private static byte[] zlibStored(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 16);
        out.write(0x78);
        out.write(0x01);
        int offset = 0;
        do {
            int length = Math.min(0xFFFF, data.length - offset);
            out.write(offset + length == data.length ? 1 : 0);
            out.write(length & 0xff);
            out.write(length >>> 8);
            out.write(~length & 0xff);
            out.write((~length >>> 8) & 0xff);
            out.write(data, offset, length);
            offset += length;
        } while (offset < data.length);
        Adler32 adler = new Adler32();
        adler.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) adler.getValue());
        out.writeBytes(sum);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.writeBytes(sum);
    }

    private static void putInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
