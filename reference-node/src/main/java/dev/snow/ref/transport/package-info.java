/**
 * The reference node on the network: Netty event loops, TLS 1.3 ({@code SslHandler}), the
 * ephemeral certificate, the monotonic clock and the CSPRNG that feed the sans-IO
 * {@link dev.snow.ref.node.NodeCore}.
 *
 * <p>Rule of this package: it is, with {@code cli} and {@code adapter}, the only place that
 * imports {@code io.netty}, {@code java.net} or {@code javax.net.ssl} or reads a clock. It
 * never decides anything the protocol decides: every byte, accept, TLS outcome and timer goes
 * to the core through ONE serial executor ({@link dev.snow.ref.transport.CoreLoop}), and the
 * core's {@code Transmit} outputs are written back to the channels. Decrypted bytes are copied
 * before they reach the core, so it never sees a buffer Netty reuses.
 */
package dev.snow.ref.transport;
