/**
 * engine/grpc speaks the gRPC grpc-js speaks, both ways: the SDK's grpc-js clients call the engine's server (the
 * program's monitor), and the engine's client calls a grpc-js server (the SDK's dynamic-provider host). One server
 * of each kind serves every case.
 */
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectUnary, serveUnary, type UnaryClient, type UnaryHandler, type UnaryServer } from "../../../engine/grpc";

const ECHO = "/test.Echo/Echo";
const FAIL = "/test.Echo/Fail";
const bytes = (b: Buffer) => b;
const big = Buffer.alloc(3 * 1024 * 1024, 7); // past HTTP/2's 64 KB flow-control window many times over

describe("grpc-js client → engine server", () => {
  let server: UnaryServer;
  let client: grpc.Client;
  const call = (path: string, request: Buffer) =>
    new Promise<Buffer>((resolve, reject) =>
      client.makeUnaryRequest(path, bytes, bytes, request, (err, res) => (err ? reject(err) : resolve(res!))),
    );

  beforeAll(async () => {
    server = await serveUnary(
      new Map<string, UnaryHandler>([
        [ECHO, (req: Buffer) => Buffer.concat([Buffer.from("echo:"), req])],
        [
          FAIL,
          async () => {
            throw new Error("no such thing: 100% gone\nsecond line");
          },
        ],
      ]),
    );
    client = new grpc.Client(server.address, grpc.credentials.createInsecure());
  });
  afterAll(async () => {
    client?.close();
    await server?.close();
  });

  it("answers a call, an empty message and a large one", async () => {
    expect((await call(ECHO, Buffer.from("hi"))).toString()).toBe("echo:hi");
    expect((await call(ECHO, Buffer.alloc(0))).toString()).toBe("echo:");
    const echoed = await call(ECHO, big);
    expect(echoed.length).toBe(big.length + 5);
    expect(echoed.subarray(5).equals(big)).toBe(true);
  });

  it("answers a rejected handler with UNKNOWN and its message, an unknown method with UNIMPLEMENTED", async () => {
    await expect(call(FAIL, Buffer.alloc(0))).rejects.toMatchObject({
      code: grpc.status.UNKNOWN,
      details: "no such thing: 100% gone\nsecond line",
    });
    await expect(call("/test.Echo/Missing", Buffer.alloc(0))).rejects.toMatchObject({
      code: grpc.status.UNIMPLEMENTED,
    });
  });
});

describe("engine client → grpc-js server", () => {
  let server: grpc.Server;
  let client: UnaryClient;
  let port = 0;
  const method = (path: string) => ({
    path,
    requestStream: false,
    responseStream: false,
    requestSerialize: bytes,
    requestDeserialize: bytes,
    responseSerialize: bytes,
    responseDeserialize: bytes,
  });

  beforeAll(async () => {
    server = new grpc.Server({ "grpc.max_receive_message_length": -1 });
    server.addService({ Echo: method(ECHO), Fail: method(FAIL) } as grpc.ServiceDefinition, {
      Echo: (call: grpc.ServerUnaryCall<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) =>
        cb(null, Buffer.concat([Buffer.from("echo:"), call.request])),
      Fail: (_call: unknown, cb: grpc.sendUnaryData<Buffer>) =>
        cb({ code: grpc.status.FAILED_PRECONDITION, details: "refused: 50% of it\nsecond line" }),
    });
    port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) =>
        err ? reject(err) : resolve(p),
      ),
    );
    client = connectUnary(`127.0.0.1:${port}`);
  });
  afterAll(() => {
    client?.close();
    server?.forceShutdown();
  });

  it("makes a call, many at once, and a large one", async () => {
    expect((await client.call(ECHO, Buffer.from("hi"))).toString()).toBe("echo:hi");
    const many = await Promise.all(Array.from({ length: 50 }, (_, i) => client.call(ECHO, Buffer.from(`${i}`))));
    expect(many.map(String)).toEqual(Array.from({ length: 50 }, (_, i) => `echo:${i}`));
    const echoed = await client.call(ECHO, big);
    expect(echoed.subarray(5).equals(big)).toBe(true);
  });

  it("rejects with the status code and decoded details; an unknown method is UNIMPLEMENTED", async () => {
    await expect(client.call(FAIL, Buffer.alloc(0))).rejects.toMatchObject({
      code: grpc.status.FAILED_PRECONDITION,
      message: "refused: 50% of it\nsecond line",
    });
    await expect(client.call("/test.Echo/Missing", Buffer.alloc(0))).rejects.toMatchObject({
      code: grpc.status.UNIMPLEMENTED,
    });
  });

  it("fails a call, instead of hanging, when nothing listens, and reconnects once something does", async () => {
    server.forceShutdown();
    await expect(client.call(ECHO, Buffer.from("x"))).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
    server = new grpc.Server();
    server.addService({ Echo: method(ECHO) } as grpc.ServiceDefinition, {
      Echo: (call: grpc.ServerUnaryCall<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) => cb(null, call.request),
    });
    await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err, p) =>
        err ? reject(err) : resolve(p),
      ),
    );
    expect((await client.call(ECHO, Buffer.from("back"))).toString()).toBe("back");
  });
});
