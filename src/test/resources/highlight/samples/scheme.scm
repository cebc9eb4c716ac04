;;; A word counter for the posts of a blog, in R7RS Scheme.
(define-library (blog words)
  (export count-words top-words)
  (import (scheme base) (scheme char) (scheme write)))

(define (split-words text)
  ;; Splits TEXT on anything that is not a letter.
  (let loop ((chars (string->list text)) (word '()) (words '()))
    (cond ((null? chars)
           (reverse (if (null? word) words (cons (list->string (reverse word)) words))))
          ((char-alphabetic? (car chars))
           (loop (cdr chars) (cons (char-downcase (car chars)) word) words))
          ((null? word) (loop (cdr chars) '() words))
          (else (loop (cdr chars) '() (cons (list->string (reverse word)) words))))))

(define (count-words text)
  (let ((table '()))
    (for-each
     (lambda (w)
       (let ((entry (assoc w table)))
         (if entry
             (set-cdr! entry (+ (cdr entry) 1))
             (set! table (cons (cons w 1) table)))))
     (split-words text))
    table))

(define (top-words text n)
  (let* ((counts (count-words text))
         (sorted (list-sort (lambda (a b) (> (cdr a) (cdr b))) counts)))
    (if (> (length sorted) n)
        (list-head sorted n)
        sorted)))

#| A block comment
   over two lines |#
(define ratio 0.75)
(define greeting "Hello, \"world\"")
(display (top-words "the cat and the hat and the bat" 2))
(newline)
(when (and #t (not #f) (>= ratio 1/2))
  (write `(ratio ,ratio #\a)))
