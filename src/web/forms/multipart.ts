/** The portal's forms read multipart bodies with the API's reader (src/http/multipart.ts). */
export * from '../../http/multipart.js';
