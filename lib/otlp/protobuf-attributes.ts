// Owns mapping protobuf-decoded KeyValue/AnyValue messages to plain JS attributes.
import { bytesToHex } from './bytes-to-hex';
import type { AttributeValue, Attributes } from './decoded-span';
import { int64AttributeValue } from './int64-attribute-value';
import { longToBigInt } from './long-to-bigint';
import type { AnyValueMessage, KeyValueMessage } from './otlp-proto-messages';

function anyValue(message: AnyValueMessage | null | undefined): AttributeValue {
  // Dispatch on the oneof case: unset members still read as their prototype defaults.
  switch (message?.value) {
    case 'stringValue':
      return message.stringValue ?? '';
    case 'boolValue':
      return message.boolValue ?? false;
    case 'intValue':
      return int64AttributeValue(longToBigInt(message.intValue, 'signed'));
    case 'doubleValue':
      return message.doubleValue ?? 0;
    case 'arrayValue':
      return (message.arrayValue?.values ?? []).map(anyValue);
    case 'kvlistValue':
      return protobufAttributes(message.kvlistValue?.values);
    case 'bytesValue':
      return bytesToHex(message.bytesValue ?? []);
    default:
      return null;
  }
}

/** Object.fromEntries defines own properties, so a "__proto__" key cannot touch the prototype. */
export function protobufAttributes(keyValues: KeyValueMessage[] | null | undefined): Attributes {
  if (!keyValues || keyValues.length === 0) return {};
  return Object.fromEntries(keyValues.map((kv) => [kv.key ?? '', anyValue(kv.value)]));
}
