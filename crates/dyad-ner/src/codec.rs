//! Little-endian binary writing and bounds-checked reading for the model file.

/// Appends values to a byte buffer.
#[derive(Default)]
pub struct Writer {
    /// The bytes written so far.
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub fn raw(&mut self, v: &[u8]) {
        self.bytes.extend_from_slice(v);
    }
    /// A length-prefixed byte string.
    pub fn blob(&mut self, v: &[u8]) {
        self.u64(v.len() as u64);
        self.raw(v);
    }
}

/// Reads values from a byte slice; every read fails cleanly past the end.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// Reading ran past the end of the data.
#[derive(Debug)]
pub struct Truncated;

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], Truncated> {
        let end = self.pos.checked_add(n).ok_or(Truncated)?;
        let slice = self.bytes.get(self.pos..end).ok_or(Truncated)?;
        self.pos = end;
        Ok(slice)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], Truncated> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }
    pub fn u8(&mut self) -> Result<u8, Truncated> {
        Ok(self.take(1)?[0])
    }
    pub fn u32(&mut self) -> Result<u32, Truncated> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    pub fn u64(&mut self) -> Result<u64, Truncated> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    pub fn f32(&mut self) -> Result<f32, Truncated> {
        Ok(f32::from_le_bytes(self.array()?))
    }
    /// A length-prefixed byte string.
    pub fn blob(&mut self) -> Result<&'a [u8], Truncated> {
        let len = usize::try_from(self.u64()?).map_err(|_| Truncated)?;
        self.take(len)
    }
    /// A count of items each at least `item_size` bytes, checked against what remains.
    pub fn count(&mut self, item_size: usize) -> Result<usize, Truncated> {
        let n = usize::try_from(self.u64()?).map_err(|_| Truncated)?;
        let remaining = self.bytes.len() - self.pos;
        if n.checked_mul(item_size)
            .is_none_or(|total| total > remaining)
        {
            return Err(Truncated);
        }
        Ok(n)
    }
}
