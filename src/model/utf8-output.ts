/**
 * UTF-8 output for documents of many megabytes (the `inspect` outputs): text is encoded into one buffer
 * that is handed out whenever it fills and then reused, so no giant string is built and little fresh
 * memory is touched (first touches of fresh pages cost more than the copying itself).
 */
const encoder = new TextEncoder();

/** Receives each filled chunk; returns true when done with it (written or copied), so its memory can be
 *  reused, false when it keeps it. */
export type ChunkSink = (chunk: Uint8Array) => boolean;

export class Utf8Output {
  private buffer: Uint8Array;
  private used = 0;
  /** Short texts collected and encoded together: an encode call per piece would cost more. */
  private pending = "";

  constructor(
    private readonly sink: ChunkSink,
    private readonly chunkBytes = 1 << 18,
  ) {
    this.buffer = new Uint8Array(chunkBytes);
  }

  /** Appends `text` as UTF-8 (a lone surrogate becomes U+FFFD, as when a string is written to a stream). */
  text(text: string): void {
    if (text.length < pendingLimit) {
      this.pending += text;
      if (this.pending.length < pendingLimit) return;
      text = "";
    }
    // A long text is encoded as it is: joined to the pending pieces first, it would be copied once more.
    this.encodePending();
    this.encode(text);
  }

  /** Appends a copy of `bytes`. */
  bytes(bytes: Uint8Array): void {
    this.encodePending();
    let from = 0;
    while (from < bytes.length) {
      if (this.used === this.buffer.length) this.handOut();
      const count = Math.min(bytes.length - from, this.buffer.length - this.used);
      this.buffer.set(bytes.subarray(from, from + count), this.used);
      this.used += count;
      from += count;
    }
  }

  /** Hands out everything appended so far. */
  flush(): void {
    this.encodePending();
    this.handOut();
  }

  private encodePending(): void {
    if (this.pending === "") return;
    const pending = this.pending;
    this.pending = "";
    this.encode(pending);
  }

  private encode(text: string): void {
    let rest = text;
    for (;;) {
      const { read, written } = encoder.encodeInto(rest, this.buffer.subarray(this.used));
      this.used += written;
      if (read === rest.length) return;
      // Full (up to the 3 bytes a character may need): hand it out and go on.
      rest = rest.slice(read);
      this.handOut();
    }
  }

  /** Hands out what is encoded. */
  private handOut(): void {
    if (this.used === 0) return;
    const reusable = this.sink(this.buffer.subarray(0, this.used));
    if (!reusable) this.buffer = new Uint8Array(this.chunkBytes);
    this.used = 0;
  }
}

/** Length from which texts are encoded at once rather than collected. */
const pendingLimit = 1 << 14;

/** Text kept as UTF-8 to be copied again later, packed into shared blocks. */
export class Utf8Store {
  private block = new Uint8Array(0);
  private used = 0;

  constructor(private readonly blockBytes = 1 << 20) {}

  /** `text` encoded, as a view that stays valid. */
  keep(text: string): Uint8Array {
    if (this.block.length - this.used < text.length * 3) {
      this.block = new Uint8Array(Math.max(this.blockBytes, text.length * 3));
      this.used = 0;
    }
    const start = this.used;
    this.used += encoder.encodeInto(text, this.block.subarray(start)).written;
    return this.block.subarray(start, this.used);
  }
}
