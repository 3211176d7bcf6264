import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { pipeline, Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { assertObjectKey } from "./keys";
import { asReadable, ByteCounter } from "./streams";
import { assertRange, ObjectNotFoundError, type ObjectRange, type ObjectStore, type StoredObject } from "./types";

export interface S3Settings {
  bucket: string;
  /** e.g. https://s3.kz-ast.example.com; none for AWS itself. */
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** The bucket in the path (most S3-compatible servers) rather than in the host name. */
  forcePathStyle: boolean;
}

/** Bytes of one part of a multipart upload (S3's minimum); at most PARTS_IN_FLIGHT of them are in memory. */
const PART_SIZE = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404);

/**
 * S3 or an S3-compatible server. Uploads are multipart and streamed (parts of 5 MB, two in
 * flight); a failed upload is aborted, so its parts are dropped and no object appears.
 */
export class S3ObjectStore implements ObjectStore {
  readonly client: S3Client;
  private readonly bucket: string;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      credentials:
        settings.accessKeyId && settings.secretAccessKey
          ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
          : undefined,
      // Checksums only where S3 demands them: many S3-compatible servers do not understand the
      // chunked, trailing-checksum bodies the SDK would otherwise send with every stream.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(
    key: string,
    body: NodeJS.ReadableStream | Readable,
    opts: { contentType?: string; size?: number } = {},
  ): Promise<StoredObject> {
    assertObjectKey(key);
    const counter = new ByteCounter(opts.size);
    // An error of the source reaches the counter, which the upload reads from, and fails it.
    pipeline(asReadable(body), counter, () => undefined);
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: key,
        Body: counter,
        ContentType: opts.contentType ?? "application/octet-stream",
      },
      partSize: PART_SIZE,
      queueSize: PARTS_IN_FLIGHT,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      counter.destroy();
      throw error;
    }
    return { size: counter.bytes };
  }

  async putFile(key: string, filePath: string, opts: { contentType?: string } = {}): Promise<StoredObject> {
    const { size } = await stat(filePath);
    return this.put(key, createReadStream(filePath), { contentType: opts.contentType, size });
  }

  async get(key: string, range?: ObjectRange): Promise<{ stream: Readable; size: number }> {
    assertObjectKey(key);
    if (range) assertRange(range, Number.POSITIVE_INFINITY);
    try {
      const answer = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      const body = answer.Body;
      if (!(body instanceof Readable)) throw new Error("S3 answered without a body stream");
      if (!range) {
        if (answer.ContentLength !== undefined) return { stream: body, size: answer.ContentLength };
        body.destroy();
        throw new Error("S3 answered without the object's length");
      }
      // `bytes a-b/size`: S3 cuts a range that runs past the end; the contract refuses it instead.
      const served = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(answer.ContentRange ?? "");
      const size = Number(served?.[3]);
      if (!served || Number(served[1]) !== range.start || Number(served[2]) !== range.end) {
        body.destroy();
        if (Number.isSafeInteger(size)) assertRange(range, size);
        throw new Error(`S3 answered ${answer.ContentRange ?? "no range"} for bytes ${range.start}-${range.end}`);
      }
      return { stream: body, size };
    } catch (error) {
      if (isMissing(error)) throw new ObjectNotFoundError(key);
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 416)
        throw new RangeError(`Range ${range?.start}-${range?.end} is outside the object ${key}`);
      throw error;
    }
  }

  async head(key: string): Promise<StoredObject | null> {
    assertObjectKey(key);
    try {
      const answer = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: answer.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertObjectKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
