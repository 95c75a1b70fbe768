// The parts of s3rver (a local S3 emulator, no type definitions of its own) that the tests use.
declare module 's3rver' {
  interface S3rverOptions {
    address?: string;
    port?: number;
    directory: string;
    silent?: boolean;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
  }

  interface S3rverContext {
    method: string;
    path: string;
    query: Record<string, string | string[] | undefined>;
    headers: Record<string, string | string[] | undefined>;
    type: string;
    body: unknown;
    store: S3rverStore;
  }

  interface S3rverStore {
    putBucket(name: string): Promise<unknown>;
    deleteBucket(name: string): Promise<void>;
    getObject(
      bucket: string,
      key: string,
      options?: { start?: number; end?: number },
    ): Promise<{ content: NodeJS.ReadableStream; size: number } | null>;
    putPart(
      bucket: string,
      uploadId: string,
      partNumber: string | number,
      content: NodeJS.ReadableStream,
    ): Promise<{ md5: string; size: number }>;
  }

  type Middleware = (ctx: S3rverContext, next: () => Promise<void>) => Promise<void>;

  class S3rver {
    constructor(options: S3rverOptions);
    readonly store: S3rverStore;
    /** Koa's middleware list; composed when `run()` starts the server. */
    readonly middleware: Middleware[];
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }

  export default S3rver;
}
