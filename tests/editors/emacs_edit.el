;;; emacs_edit.el --- Emacs (eglot) used the way the README says, in batch mode  -*- lexical-binding: t -*-
;; Environment: CONFIG (the README's Emacs block), WS (workspace), OPEN (file to open), INSTRUCTION, RESULT (where
;; the JSON outcome goes). Any error exits with status 2.
(require 'eglot)
(require 'json)
(setq eglot-sync-connect t)            ; wait for the handshake instead of returning at once
(defvar polyedit-test-asked nil)       ; every question the user was asked, in order
;; The user answers every question: yes to eglot's "Server wants to edit", Apply to the server's own question.
(advice-add 'y-or-n-p :override (lambda (prompt) (push prompt polyedit-test-asked) t))
(advice-add 'completing-read :override
            (lambda (prompt &rest _) (push prompt polyedit-test-asked) (or (getenv "ANSWER") "Apply")))

(defun polyedit-test-main ()
  (load (getenv "CONFIG") nil t)
  (find-file (expand-file-name (getenv "OPEN") (getenv "WS")))
  (apply #'eglot (eglot--guess-contact))
  (let ((server (eglot-current-server)) (state nil) (deadline (+ (float-time) 180)))
    (unless server (error "the README's configuration started no server"))
    (while (not (equal state "ready"))
      (when (> (float-time) deadline) (error "the index did not become ready (last state: %s)" state))
      (setq state (plist-get (jsonrpc-request server :polyedit/indexStatus '(:wait t)) :state))
      (unless (equal state "ready") (sleep-for 0.2)))
    (setq polyedit-last-result nil)
    (polyedit-edit (getenv "INSTRUCTION"))
    (setq deadline (+ (float-time) 180))
    (while (not polyedit-last-result)
      (when (> (float-time) deadline) (error "no reply to polyedit.edit"))
      (accept-process-output nil 0.05)
      ;; A batch Emacs is never idle, so its idle timers (eglot sends didChange on one) never fire by themselves:
      ;; run them, as an interactive Emacs does while the user waits.
      (mapc #'timer-event-handler (copy-sequence timer-idle-list)))
    (save-some-buffers t)
    (with-temp-file (getenv "RESULT")
      (insert (json-encode (list :result polyedit-last-result :asked (vconcat (reverse polyedit-test-asked))))))))

(condition-case err
    (progn (polyedit-test-main) (kill-emacs 0))
  (error (message "emacs_edit.el failed: %S" err) (kill-emacs 2)))
