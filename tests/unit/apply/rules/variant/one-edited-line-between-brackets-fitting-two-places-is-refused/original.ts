declare global {
    interface ImportMeta {
        /**
         * The directory name of the current module.
         */
        dirname?: string;
        /**
         * The full absolute path and filename of the current module.
         */
        filename?: string;
        /**
         * The absolute `file:` URL of the module.
         */
        url: string;
    }
}
