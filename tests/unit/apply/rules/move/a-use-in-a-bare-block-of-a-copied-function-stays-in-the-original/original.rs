use crate::Error;

pub fn fill(dest: &mut [u8]) -> Result<(), Error> {
    #[cfg(target_os = "freebsd")]
    {
        use crate::util::Weak;
        static FILL: Weak = Weak::new("fill\0");
        if let Some(f) = FILL.ptr() {
            return call(f, dest);
        }
    }
    fallback(dest)
}
