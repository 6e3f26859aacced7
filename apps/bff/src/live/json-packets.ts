import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import { toJson } from '../read/view-json.js';

/**
 * socket.io's packet encoding with the data written by toJson: a snapshot of 3,000 stages is
 * assembled from its views' kept JSON text instead of walked for binary data and serialised
 * again for every socket that joins. Wharf sends JSON only (never binary attachments), so the
 * text is exactly what socket.io's own encoder writes and the browser's decoder reads it as is.
 */
class JsonEncoder extends Encoder {
  override encode(packet: Packet): string[] {
    if (packet.type === PacketType.BINARY_EVENT || packet.type === PacketType.BINARY_ACK)
      throw new Error('Wharf sends no binary socket messages');
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id !== undefined && packet.id !== null) text += String(packet.id);
    if (packet.data !== undefined && packet.data !== null) text += toJson(packet.data);
    return [text];
  }
}

/** The `parser` option of the socket.io server: this encoder, socket.io's decoder. */
export const jsonPackets = { Encoder: JsonEncoder, Decoder };
