/**
 * Message type bytes and request codes of the PostgreSQL v3 wire protocol
 * (https://www.postgresql.org/docs/current/protocol-message-formats.html).
 *
 * Frontend and backend codes live in separate tables because the two directions reuse letters
 * with different meanings: 'C' is Close from a client but CommandComplete from a server,
 * 'D' is Describe vs DataRow, 'E' Execute vs ErrorResponse, 'S' Sync vs ParameterStatus,
 * 'H' Flush vs CopyOutResponse.
 */

/** Type bytes of messages a client sends once the startup phase is over. */
export const FrontendCode = {
  /** 'B' Bind: parameters for a prepared statement, creating a portal. */
  bind: 0x42,
  /** 'C' Close: drop a prepared statement or portal. */
  close: 0x43,
  /** 'd' CopyData: a chunk of COPY FROM STDIN data. */
  copyData: 0x64,
  /** 'c' CopyDone: end of COPY FROM STDIN data. */
  copyDone: 0x63,
  /** 'f' CopyFail: the client aborts COPY FROM STDIN, with a reason. */
  copyFail: 0x66,
  /** 'D' Describe: ask for a statement's or portal's parameter and row shape. */
  describe: 0x44,
  /** 'E' Execute: run a portal, optionally limited to a number of rows. */
  execute: 0x45,
  /** 'H' Flush: send whatever output is pending without ending the extended-query cycle. */
  flush: 0x48,
  /** 'F' FunctionCall: the legacy fast-path function call interface. */
  functionCall: 0x46,
  /** 'P' Parse: create a prepared statement. */
  parse: 0x50,
  /** 'p' PasswordMessage, SASLInitialResponse, SASLResponse or GSSResponse; only the auth state tells which. */
  password: 0x70,
  /** 'Q' Query: a simple-protocol query string, possibly several statements. */
  query: 0x51,
  /** 'S' Sync: end of an extended-query cycle; the server answers ReadyForQuery. */
  sync: 0x53,
  /** 'X' Terminate: the client is closing the connection. */
  terminate: 0x58,
} as const;

export type FrontendCodeValue = (typeof FrontendCode)[keyof typeof FrontendCode];

/** Type bytes of messages a server sends. */
export const BackendCode = {
  /** 'R' Authentication*: Ok, CleartextPassword, MD5Password, SASL, SASLContinue, SASLFinal (see AuthCode). */
  authentication: 0x52,
  /** 'K' BackendKeyData: process id and secret key the client needs for CancelRequest. */
  backendKeyData: 0x4b,
  /** '2' BindComplete. */
  bindComplete: 0x32,
  /** '3' CloseComplete. */
  closeComplete: 0x33,
  /** 'C' CommandComplete: the command tag, e.g. "INSERT 0 1". */
  commandComplete: 0x43,
  /** 'd' CopyData: a chunk of COPY TO STDOUT data. */
  copyData: 0x64,
  /** 'c' CopyDone: end of COPY TO STDOUT data. */
  copyDone: 0x63,
  /** 'G' CopyInResponse: the server is ready for COPY FROM STDIN data. */
  copyInResponse: 0x47,
  /** 'H' CopyOutResponse: COPY TO STDOUT data follows. */
  copyOutResponse: 0x48,
  /** 'D' DataRow: one result row. */
  dataRow: 0x44,
  /** 'I' EmptyQueryResponse: the query string held no statement. */
  emptyQueryResponse: 0x49,
  /** 'E' ErrorResponse. */
  errorResponse: 0x45,
  /** 'v' NegotiateProtocolVersion: the newest minor version and the options the server does not know. */
  negotiateProtocolVersion: 0x76,
  /** 'n' NoData: the described statement or portal returns no rows. */
  noData: 0x6e,
  /** 'N' NoticeResponse: a warning or notice; never ends a command. */
  noticeResponse: 0x4e,
  /** 'A' NotificationResponse: a NOTIFY delivered to a listening session. */
  notificationResponse: 0x41,
  /** 't' ParameterDescription: the parameter type OIDs of a described statement. */
  parameterDescription: 0x74,
  /** 'S' ParameterStatus: a run-time parameter's value (server_version, client_encoding, ...). */
  parameterStatus: 0x53,
  /** '1' ParseComplete. */
  parseComplete: 0x31,
  /** 's' PortalSuspended: Execute stopped at its row limit; the portal can be executed again. */
  portalSuspended: 0x73,
  /** 'Z' ReadyForQuery: the server waits for a new command; carries the transaction status. */
  readyForQuery: 0x5a,
  /** 'T' RowDescription: the columns of the rows that follow. */
  rowDescription: 0x54,
} as const;

export type BackendCodeValue = (typeof BackendCode)[keyof typeof BackendCode];

/** The Int32 that follows 'R' and says which authentication step this is. */
export const AuthCode = {
  /** Authentication succeeded. */
  ok: 0,
  /** Send the password in clear text. */
  cleartextPassword: 3,
  /** Send md5(md5(password + user) + salt); four salt bytes follow. */
  md5Password: 5,
  /** Pick a SASL mechanism; a list of mechanism names follows. */
  sasl: 10,
  /** A SASL challenge follows. */
  saslContinue: 11,
  /** The SASL outcome ("additional data") follows; AuthenticationOk comes next. */
  saslFinal: 12,
} as const;

/**
 * The Int32 after the length of a packet sent before the startup phase ends. Request codes are
 * "protocol versions" 1234.5678 etc., chosen so no real version can collide with them.
 */
export const StartupCode = {
  /** 1234.5678: cancel the query running in another session. */
  cancelRequest: 80877102,
  /** 1234.5679: the client asks to switch to TLS; the server answers one byte 'S' or 'N'. */
  sslRequest: 80877103,
  /** 1234.5680: the client asks for GSSAPI encryption; the server answers one byte 'G' or 'N'. */
  gssEncRequest: 80877104,
  /** 3.0: the only protocol version this server speaks. */
  protocol3: 196608,
} as const;

/** Transaction status byte of ReadyForQuery. */
export const TransactionStatus = {
  /** 'I': not in a transaction block. */
  idle: 'I',
  /** 'T': in a transaction block. */
  inTransaction: 'T',
  /** 'E': in a failed transaction block; commands are rejected until it ends. */
  failed: 'E',
} as const;

export type TransactionStatusValue = (typeof TransactionStatus)[keyof typeof TransactionStatus];
