// Uppy's table of MIME types by file extension, for the script-tag build: Uppy consults it only for
// a file added without a type, and the element always adds its file with the type it read from
// the file's bytes. Left empty, Uppy would fall back to application/octet-stream.
export default {};
