package fr.ordre.comptexpert.support;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The part of a client address a limit is keyed on: the whole IPv4 address, but an IPv6 /64, since one
 * subscriber line is given a whole /64 and can pick any address in it.
 */
public final class ClientNetwork {

    private ClientNetwork() {}

    /** "203.0.113.7" stays as is; "2001:db8:1:2:a:b:c:d" becomes "2001:db8:1:2::/64"; unreadable input: "unknown". */
    public static String of(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String literal = address.strip();
        if (literal.indexOf(':') < 0) {
            // Only a dotted literal counts: a name or a list ("1.2.3.4, 5.6.7.8") is nobody's address.
            return literal.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") ? literal : "unknown";
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        // Only an IPv6 literal reaches here: InetAddress parses it without a DNS lookup.
        if (!literal.matches("[0-9a-fA-F:.]+")) {
            return "unknown";
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
