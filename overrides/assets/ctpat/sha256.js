/* SHA-256 of a UTF-8 string, as lowercase hex: window.ctpatSha256(text). Written out because
   crypto.subtle exists only in secure contexts, and the site also runs from http:// in a
   training room and from file:// offline. Loaded by the pages that need it (verify/,
   assessment/). */
(function () {
  "use strict";

  function sha256(text) {
    var K = [], H = [], i, j;
    function frac(x) { return ((x - Math.floor(x)) * 4294967296) | 0; }
    for (i = 2, j = 0; j < 64; i++) {
      var prime = true;
      for (var d = 2; d * d <= i; d++) if (i % d === 0) { prime = false; break; }
      if (prime) { if (j < 8) H[j] = frac(Math.pow(i, 1 / 2)); K[j++] = frac(Math.pow(i, 1 / 3)); }
    }
    var bytes = new TextEncoder().encode(text), length = bytes.length * 8;
    var words = [];
    for (i = 0; i < bytes.length; i++) words[i >> 2] |= bytes[i] << (24 - (i % 4) * 8);
    words[bytes.length >> 2] |= 0x80 << (24 - (bytes.length % 4) * 8);
    words[(((bytes.length + 8) >> 6) + 1) * 16 - 1] = length;
    for (i = 0; i < words.length; i++) words[i] = words[i] | 0;
    function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }
    for (i = 0; i < words.length; i += 16) {
      var w = words.slice(i, i + 16), a = H[0], b = H[1], c = H[2], d2 = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
      for (j = 0; j < 64; j++) {
        if (j >= 16) {
          var x = w[j - 15], y = w[j - 2];
          w[j] = (w[j - 16] + (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + w[j - 7] + (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10))) | 0;
        }
        var t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[j] + (w[j] | 0)) | 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g; g = f; f = e; e = (d2 + t1) | 0; d2 = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d2) | 0;
      H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + h) | 0;
    }
    return H.map(function (v) { return ("00000000" + (v >>> 0).toString(16)).slice(-8); }).join("");
  }

  window.ctpatSha256 = sha256;
})();
