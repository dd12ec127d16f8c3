import type { z } from 'zod';
import type { SecureMethodName, SecureMethods } from '../../../shared/ipc/secureContract';

export type { StrataSecureApi } from '../../../shared/ipc/secureContract';
export type SecureMethodInput<M extends SecureMethodName> = z.input<SecureMethods[M]['input']>;
export type SecureMethodOutput<M extends SecureMethodName> = z.output<SecureMethods[M]['output']>;
