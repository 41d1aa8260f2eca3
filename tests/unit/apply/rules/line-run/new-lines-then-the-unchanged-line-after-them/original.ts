declare module "files" {
    /**
     * Calls `open` on the handle.
     *
     * ```js
     * handle.open();
     * ```
     */
    function open(): void;

    /**
     * Calls `close` on the handle.
     *
     * ```js
     * handle.close();
     * ```
     */
    function close(): void;

    /**
     * Calls `read` on the handle.
     *
     * ```js
     * handle.read();
     * ```
     */
    function read(): void;

    /**
     * Calls `write` on the handle.
     *
     * ```js
     * handle.write();
     * ```
     */
    function write(): void;

    /**
     * Calls `seek` on the handle.
     *
     * ```js
     * handle.seek();
     * ```
     */
    function seek(): void;

    /**
     * Calls `flush` on the handle.
     *
     * ```js
     * handle.flush();
     * ```
     */
    function flush(): void;

    /**
     * Calls `sync` on the handle.
     *
     * ```js
     * handle.sync();
     * ```
     */
    function sync(): void;

    /**
     * Calls `stat` on the handle.
     *
     * ```js
     * handle.stat();
     * ```
     */
    function stat(): void;

    /**
     * Calls `lock` on the handle.
     *
     * ```js
     * handle.lock();
     * ```
     */
    function lock(): void;

    /**
     * Calls `unlock` on the handle.
     *
     * ```js
     * handle.unlock();
     * ```
     */
    function unlock(): void;
}
