// ... existing code ...
        /**
         * Returns any remaining input stored in the internal buffer as a string.
         * @param buffer The bytes to decode.
         */
        end(buffer?: string | Buffer | NodeJS.ArrayBufferView): string;
    }
// ... existing code ...
