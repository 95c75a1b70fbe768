// Server-Sent Events as a test client reads them.

export interface Frame {
  id: string;
  event: string;
  data: Record<string, unknown>;
}

/** Reads frames off one streaming response, a few at a time, keeping what arrived beyond them for later. */
export class FrameReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private readonly ready: Frame[] = [];

  constructor(response: Response) {
    this.reader = response.body!.getReader();
  }

  /** The next `count` frames (fewer if the stream ends). */
  async take(count: number): Promise<Frame[]> {
    while (this.ready.length < count) {
      const { value, done } = await this.reader.read();
      if (done) break;
      this.buffer += this.decoder.decode(value, { stream: true });
      let end: number;
      while ((end = this.buffer.indexOf('\n\n')) >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const fields = Object.fromEntries(
          block
            .split('\n')
            .filter((l) => !l.startsWith(':') && l.includes(': '))
            .map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)]),
        );
        if (fields.data) {
          // as an EventSource dispatches it: without an `event:` field, a frame is a `message`
          this.ready.push({
            id: fields.id!,
            event: fields.event ?? 'message',
            data: JSON.parse(fields.data) as Frame['data'],
          });
        }
      }
    }
    return this.ready.splice(0, count);
  }

  close(): Promise<void> {
    return this.reader.cancel();
  }
}

/** Reads SSE frames from a streaming response until `count` frames have arrived, then closes it. */
export async function readFrames(response: Response, count: number): Promise<Frame[]> {
  const reader = new FrameReader(response);
  const frames = await reader.take(count);
  await reader.close();
  return frames;
}
