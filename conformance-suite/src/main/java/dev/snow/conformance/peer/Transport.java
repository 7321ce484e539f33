package dev.snow.conformance.peer;

/** What the tester speaks under the Snow frames. */
public enum Transport {
    /** TLS 1.3, the protocol (TLS-1). */
    TLS13,
    /** TLS 1.2 only: must fail against a conforming node (TLS-1). */
    TLS12_ONLY,
    /** No TLS at all: must fail against a conforming node (TLS-1). */
    PLAINTEXT;

    public String jdkProtocol() {
        switch (this) {
            case TLS13:
                return "TLSv1.3";
            case TLS12_ONLY:
                return "TLSv1.2";
            default:
                throw new IllegalStateException("no TLS protocol for " + this);
        }
    }
}
