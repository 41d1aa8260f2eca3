declare module "string_decoder" {
    class StringDecoder {
        constructor(encoding?: BufferEncoding);
        /**
         * Returns a decoded string.
         * @param buffer The bytes to decode.
         */
        write(buffer: Buffer): string;
        /**
         * Returns any remaining input stored in the internal buffer as a string.
         * @param buffer The bytes to decode.
         */
        end(buffer?: string | Buffer | NodeJS.ArrayBufferView): string;
    }
}
