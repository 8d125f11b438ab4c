import { bytes } from './byte-builder.js';

/**
 * Frontend messages as a client puts them on the wire, built field by field from the protocol
 * documentation (protocol-message-formats). The server-side mirror of pg-protocol's
 * testing/test-buffers, which builds backend messages for the client's parser.
 */
export const frontendBuffers = {
  startup(parameters: Record<string, string>, protocolVersion = 196608): Buffer {
    const b = bytes().int32(protocolVersion);
    for (const [name, value] of Object.entries(parameters)) b.cstring(name).cstring(value);
    return b.byte(0).packet();
  },

  sslRequest(): Buffer {
    return bytes().int32(80877103).packet();
  },

  gssEncRequest(): Buffer {
    return bytes().int32(80877104).packet();
  },

  cancelRequest(processId: number, secretKey: number): Buffer {
    return bytes().int32(80877102).int32(processId).int32(secretKey).packet();
  },

  query(sql: string): Buffer {
    return bytes().cstring(sql).frame('Q');
  },

  parse(name: string, sql: string, paramTypes: number[] = []): Buffer {
    const b = bytes().cstring(name).cstring(sql).int16(paramTypes.length);
    for (const oid of paramTypes) b.int32(oid);
    return b.frame('P');
  },

  bind(options: {
    portal?: string;
    statement?: string;
    paramFormats?: number[];
    params?: (Buffer | string | null)[];
    resultFormats?: number[];
  } = {}): Buffer {
    const { portal = '', statement = '', paramFormats = [], params = [], resultFormats = [] } = options;
    const b = bytes().cstring(portal).cstring(statement);
    b.int16(paramFormats.length);
    for (const f of paramFormats) b.int16(f);
    b.int16(params.length);
    for (const p of params) b.lengthPrefixed(p);
    b.int16(resultFormats.length);
    for (const f of resultFormats) b.int16(f);
    return b.frame('B');
  },

  describe(kind: 'S' | 'P', name: string): Buffer {
    return bytes().char(kind).cstring(name).frame('D');
  },

  execute(portal: string, maxRows = 0): Buffer {
    return bytes().cstring(portal).int32(maxRows).frame('E');
  },

  close(kind: 'S' | 'P', name: string): Buffer {
    return bytes().char(kind).cstring(name).frame('C');
  },

  sync(): Buffer {
    return bytes().frame('S');
  },

  flush(): Buffer {
    return bytes().frame('H');
  },

  terminate(): Buffer {
    return bytes().frame('X');
  },

  copyData(data: Buffer | string): Buffer {
    return bytes().bytes(Buffer.from(data)).frame('d');
  },

  copyDone(): Buffer {
    return bytes().frame('c');
  },

  copyFail(message: string): Buffer {
    return bytes().cstring(message).frame('f');
  },

  password(password: string): Buffer {
    return bytes().cstring(password).frame('p');
  },

  saslInitialResponse(mechanism: string, initialResponse: Buffer | string | null): Buffer {
    return bytes().cstring(mechanism).lengthPrefixed(initialResponse).frame('p');
  },

  saslResponse(data: Buffer | string): Buffer {
    return bytes().bytes(Buffer.from(data)).frame('p');
  },

  /** FunctionCall: function OID, argument formats, arguments, result format. */
  functionCall(functionOid: number, args: (Buffer | string | null)[] = [], resultFormat = 0): Buffer {
    const b = bytes().int32(functionOid).int16(0).int16(args.length);
    for (const a of args) b.lengthPrefixed(a);
    return b.int16(resultFormat).frame('F');
  },
};
