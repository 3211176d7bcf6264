import { describe, expect, it } from "vitest";
import {
  emptyQueue,
  queueReducer,
  readAnswer,
  sizeParts,
  summarize,
  toStart,
  type QueueAction,
  type QueueState,
  type UploadedDocument,
} from "./upload-queue";

const MB = 1024 * 1024;
const doc: UploadedDocument = {
  id: "d1",
  title: "Акт",
  category: "ACTS",
  version: { id: "v1", number: 1, size: 10, sha256: "ab", mime: "application/pdf" },
};

const run = (actions: QueueAction[], state: QueueState = emptyQueue) => actions.reduce(queueReducer, state);
const add = (...sizes: number[]): QueueAction => ({
  type: "add",
  maxBytes: 25 * MB,
  files: sizes.map((size, i) => ({ id: `f${i + 1}`, name: `file-${i + 1}.pdf`, size })),
});
const statuses = (state: QueueState) => state.items.map((item) => item.status);

describe("adding files", () => {
  it("refuses empty files and files over the limit before they start, and queues the rest", () => {
    const state = run([add(0, 25 * MB + 1, 25 * MB, 1)]);
    expect(statuses(state)).toEqual(["refused", "refused", "waiting", "waiting"]);
    expect(state.items.map((item) => item.reason)).toEqual(["empty", "too_large", undefined, undefined]);
    expect(toStart(state).map((item) => item.id)).toEqual(["f3", "f4"]);
  });

  it("keeps files already in the list when more are added", () => {
    const first = run([add(1)]);
    const second = queueReducer(first, { type: "add", maxBytes: MB, files: [{ id: "g1", name: "b", size: 2 }] });
    expect(second.items.map((item) => item.id)).toEqual(["f1", "g1"]);
  });
});

describe("concurrency", () => {
  it("starts at most two at a time, in order, and the next one when a slot frees", () => {
    let state = run([add(1, 2, 3, 4)]);
    expect(toStart(state).map((item) => item.id)).toEqual(["f1", "f2"]);
    state = run(
      [
        { type: "start", id: "f1" },
        { type: "start", id: "f2" },
      ],
      state,
    );
    expect(toStart(state)).toEqual([]);
    state = queueReducer(state, { type: "done", id: "f1", documents: [doc], duplicate: false });
    expect(toStart(state).map((item) => item.id)).toEqual(["f3"]);
    state = run(
      [
        { type: "start", id: "f3" },
        { type: "refused", id: "f2", reason: "server", message: "Нет места" },
      ],
      state,
    );
    expect(toStart(state).map((item) => item.id)).toEqual(["f4"]);
    expect(statuses(state)).toEqual(["done", "refused", "uploading", "waiting"]);
  });

  it("honours another limit when given one", () => {
    const state = run([add(1, 2, 3, 4)]);
    expect(toStart(state, 3)).toHaveLength(3);
  });

  it("does not start a file twice, nor one that was cancelled", () => {
    let state = run([add(1, 2), { type: "start", id: "f1" }, { type: "progress", id: "f1", loaded: 1, total: 2 }]);
    expect(queueReducer(state, { type: "start", id: "f1" })).toBe(state);
    state = run(
      [
        { type: "cancel", id: "f2" },
        { type: "start", id: "f2" },
      ],
      state,
    );
    expect(state.items[1]?.status).toBe("cancelled");
  });
});

describe("progress", () => {
  it("records whole percents and returns the same state when the percent does not move", () => {
    let state = run([add(1000), { type: "start", id: "f1" }, { type: "progress", id: "f1", loaded: 333, total: 1000 }]);
    expect(state.items[0]?.percent).toBe(33);
    expect(queueReducer(state, { type: "progress", id: "f1", loaded: 335, total: 1000 })).toBe(state);
    state = queueReducer(state, { type: "progress", id: "f1", loaded: 2000, total: 1000 });
    expect(state.items[0]?.percent).toBe(100);
  });

  it("ignores progress of a file that is not uploading (a late event after cancel)", () => {
    const state = run([add(10), { type: "start", id: "f1" }, { type: "cancel", id: "f1" }]);
    expect(queueReducer(state, { type: "progress", id: "f1", loaded: 5, total: 10 })).toBe(state);
  });
});

describe("cancel", () => {
  it("cancels a file on the wire or waiting, and frees its slot", () => {
    let state = run([add(1, 2, 3), { type: "start", id: "f1" }, { type: "start", id: "f2" }]);
    state = run(
      [
        { type: "cancel", id: "f1" },
        { type: "cancel", id: "f3" },
      ],
      state,
    );
    expect(statuses(state)).toEqual(["cancelled", "uploading", "cancelled"]);
    expect(toStart(state)).toEqual([]);
    expect(summarize(state).idle).toBe(false);
  });

  it("leaves finished files as they are, and the answer of an aborted request changes nothing", () => {
    let state = run([
      add(1, 2),
      { type: "start", id: "f1" },
      { type: "done", id: "f1", documents: [doc], duplicate: false },
    ]);
    expect(queueReducer(state, { type: "cancel", id: "f1" })).toBe(state);
    state = run(
      [
        { type: "start", id: "f2" },
        { type: "cancel", id: "f2" },
      ],
      state,
    );
    expect(queueReducer(state, { type: "done", id: "f2", documents: [doc], duplicate: false })).toBe(state);
    expect(queueReducer(state, { type: "refused", id: "f2", reason: "network" })).toBe(state);
  });
});

describe("summary", () => {
  it("counts each outcome and is idle once nothing waits or travels", () => {
    let state = run([add(0, 1, 2, 3, 4)]);
    expect(summarize(state)).toMatchObject({ total: 5, waiting: 4, refused: 1, idle: false });
    state = run(
      [
        { type: "start", id: "f2" },
        { type: "start", id: "f3" },
        { type: "done", id: "f2", documents: [doc], duplicate: false },
        { type: "done", id: "f3", documents: [doc], duplicate: true },
        { type: "start", id: "f4" },
        { type: "cancel", id: "f4" },
        { type: "start", id: "f5" },
      ],
      state,
    );
    expect(summarize(state)).toMatchObject({ uploading: 1, idle: false });
    state = queueReducer(state, { type: "refused", id: "f5", reason: "network" });
    expect(summarize(state)).toEqual({
      total: 5,
      waiting: 0,
      uploading: 0,
      done: 1,
      duplicate: 1,
      refused: 2,
      cancelled: 1,
      idle: true,
    });
    expect(state.items[2]).toMatchObject({ status: "duplicate", percent: 100, documents: [doc] });
  });

  it("clears finished rows and keeps the ones still running", () => {
    let state = run([add(0, 1, 2), { type: "start", id: "f2" }]);
    state = queueReducer(state, { type: "clear" });
    expect(state.items.map((item) => item.id)).toEqual(["f2", "f3"]);
    expect(queueReducer(state, { type: "clear" })).toBe(state);
  });
});

describe("readAnswer", () => {
  it("reads stored documents and the duplicate flag", () => {
    expect(readAnswer(201, JSON.stringify({ documents: [doc] }))).toEqual({
      type: "done",
      documents: [doc],
      duplicate: false,
    });
    expect(readAnswer(201, JSON.stringify({ documents: [doc], duplicate: true }))).toMatchObject({ duplicate: true });
  });

  it("passes the server's message on as is", () => {
    const body = JSON.stringify({ error: "quota_exceeded", message: "Место в хранилище закончилось." });
    expect(readAnswer(409, body)).toEqual({
      type: "refused",
      reason: "server",
      message: "Место в хранилище закончилось.",
    });
  });

  it("falls back on the status when the body is not the contract's", () => {
    expect(readAnswer(502, "<html>Bad gateway</html>")).toEqual({ type: "refused", reason: "failed", message: "502" });
    expect(readAnswer(201, "{}")).toEqual({ type: "refused", reason: "failed", message: "201" });
    expect(readAnswer(413, "<html>Too large</html>")).toEqual({ type: "refused", reason: "too_large" });
    expect(readAnswer(0, "")).toEqual({ type: "refused", reason: "network" });
  });
});

describe("sizeParts", () => {
  it("picks a short unit with binary steps", () => {
    expect(sizeParts(0)).toEqual({ value: 0, unit: "B" });
    expect(sizeParts(1023)).toEqual({ value: 1023, unit: "B" });
    expect(sizeParts(1536)).toEqual({ value: 1.5, unit: "KB" });
    expect(sizeParts(312 * 1024 + 400)).toEqual({ value: 312, unit: "KB" });
    expect(sizeParts(25 * MB)).toEqual({ value: 25, unit: "MB" });
    expect(sizeParts(1024 * MB - 1)).toEqual({ value: 1, unit: "GB" });
    expect(sizeParts(3 * 1024 * MB)).toEqual({ value: 3, unit: "GB" });
  });
});
