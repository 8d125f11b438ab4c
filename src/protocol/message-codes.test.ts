import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BackendCode, FrontendCode } from './message-codes.js';

/** The letters from the protocol documentation, written as characters so a typo in a hex byte shows up. */
const frontendLetters: Record<keyof typeof FrontendCode, string> = {
  bind: 'B', close: 'C', copyData: 'd', copyDone: 'c', copyFail: 'f', describe: 'D', execute: 'E', flush: 'H',
  functionCall: 'F', parse: 'P', password: 'p', query: 'Q', sync: 'S', terminate: 'X',
};
const backendLetters: Record<keyof typeof BackendCode, string> = {
  authentication: 'R', backendKeyData: 'K', bindComplete: '2', closeComplete: '3', commandComplete: 'C',
  copyData: 'd', copyDone: 'c', copyInResponse: 'G', copyOutResponse: 'H', dataRow: 'D', emptyQueryResponse: 'I',
  errorResponse: 'E', negotiateProtocolVersion: 'v', noData: 'n', noticeResponse: 'N', notificationResponse: 'A',
  parameterDescription: 't', parameterStatus: 'S', parseComplete: '1', portalSuspended: 's', readyForQuery: 'Z',
  rowDescription: 'T',
};

describe('message codes', () => {
  it('frontend codes are the documented letters, each used once', () => {
    for (const [name, code] of Object.entries(FrontendCode)) {
      assert.equal(String.fromCharCode(code), frontendLetters[name as keyof typeof FrontendCode], name);
    }
    assert.equal(new Set(Object.values(FrontendCode)).size, Object.keys(FrontendCode).length);
  });

  it('backend codes are the documented letters, each used once', () => {
    for (const [name, code] of Object.entries(BackendCode)) {
      assert.equal(String.fromCharCode(code), backendLetters[name as keyof typeof BackendCode], name);
    }
    assert.equal(new Set(Object.values(BackendCode)).size, Object.keys(BackendCode).length);
  });
});
