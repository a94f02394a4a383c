/**
 * The emulator link: the binary protocol between the host driver (client) and the emulator's server, specified byte
 * by byte in docs/wire-protocol.md. {@link org.openxpo.protocol.link.Frame} holds the frames as records,
 * {@link org.openxpo.protocol.link.FrameCodec} turns them into bytes and back, and
 * {@link org.openxpo.protocol.link.LinkFrameDecoder}/{@link org.openxpo.protocol.link.LinkFrameEncoder} put the codec
 * into a Netty pipeline on either side.
 */
package org.openxpo.protocol.link;
