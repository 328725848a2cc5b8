using System.Buffers.Binary;
using System.Text;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// A real, playable minimal MP4: one second of one 32×32 H.264 frame (Constrained Baseline, level 1.0), every
/// macroblock coded as I_PCM (raw samples, so no entropy coder is needed), in an ISO-BMFF file
/// (<c>ftyp</c>, <c>moov</c> with one <c>avc1</c> track, <c>mdat</c>). Deterministic; about 1.7 KB.
/// </summary>
internal static class Mp4Video
{
    private const int Width = 32;
    private const int Height = 32;
    private const int TimeScale = 1000;
    private const int Duration = 1000;

    /// <summary>The whole file: <c>ftyp</c>, <c>moov</c>, then <c>mdat</c> (padding, if any, may follow it).</summary>
    public static byte[] Build()
    {
        byte[] sps = Nal(0x67, SequenceParameterSet());
        byte[] pps = Nal(0x68, PictureParameterSet());
        byte[] slice = Nal(0x65, IdrSlice());
        byte[] sample = [.. Length(sps), .. sps, .. Length(pps), .. pps, .. Length(slice), .. slice];

        byte[] ftyp = Box("ftyp", [.. Ascii("isom"), .. U32(0x200), .. Ascii("isomiso2avc1mp41")]);

        // stco holds the absolute offset of the sample, which sits right after mdat's header; moov's size does not
        // depend on the offset's value, so build it once with a placeholder to learn where mdat starts.
        byte[] moov = Movie(sps, pps, sample.Length, 0);
        moov = Movie(sps, pps, sample.Length, ftyp.Length + moov.Length + 8);
        return [.. ftyp, .. moov, .. Box("mdat", sample)];
    }

    private static byte[] Movie(byte[] sps, byte[] pps, int sampleSize, int sampleOffset)
    {
        byte[] matrix = [.. U32(0x00010000), .. U32(0), .. U32(0), .. U32(0), .. U32(0x00010000), .. U32(0), .. U32(0), .. U32(0), .. U32(0x40000000)];
        byte[] mvhd = FullBox("mvhd", 0, 0, [.. U32(0), .. U32(0), .. U32(TimeScale), .. U32(Duration), .. U32(0x00010000), .. U16(0x0100), .. new byte[10], .. matrix, .. new byte[24], .. U32(2)]);
        byte[] tkhd = FullBox("tkhd", 0, 3, [.. U32(0), .. U32(0), .. U32(1), .. U32(0), .. U32(Duration), .. new byte[8], .. U16(0), .. U16(0), .. U16(0), .. U16(0), .. matrix, .. U32(Width << 16), .. U32(Height << 16)]);
        byte[] mdhd = FullBox("mdhd", 0, 0, [.. U32(0), .. U32(0), .. U32(TimeScale), .. U32(Duration), .. U16(0x55C4), .. U16(0)]);
        byte[] hdlr = FullBox("hdlr", 0, 0, [.. U32(0), .. Ascii("vide"), .. new byte[12], .. Ascii("VideoHandler"), 0]);
        byte[] vmhd = FullBox("vmhd", 0, 1, new byte[8]);
        byte[] dinf = Box("dinf", FullBox("dref", 0, 0, [.. U32(1), .. FullBox("url ", 0, 1, [])]));

        byte[] avcC = Box("avcC", [1, sps[1], sps[2], sps[3], 0xFF, 0xE1, .. U16(sps.Length), .. sps, 1, .. U16(pps.Length), .. pps]);
        byte[] compressor = new byte[32];
        byte[] avc1 = Box("avc1", [.. new byte[6], .. U16(1), .. new byte[16], .. U16(Width), .. U16(Height), .. U32(0x00480000), .. U32(0x00480000), .. U32(0), .. U16(1), .. compressor, .. U16(0x0018), .. U16(0xFFFF), .. avcC]);
        byte[] stsd = FullBox("stsd", 0, 0, [.. U32(1), .. avc1]);
        byte[] stts = FullBox("stts", 0, 0, [.. U32(1), .. U32(1), .. U32(Duration)]);
        byte[] stss = FullBox("stss", 0, 0, [.. U32(1), .. U32(1)]);
        byte[] stsc = FullBox("stsc", 0, 0, [.. U32(1), .. U32(1), .. U32(1), .. U32(1)]);
        byte[] stsz = FullBox("stsz", 0, 0, [.. U32(0), .. U32(1), .. U32(sampleSize)]);
        byte[] stco = FullBox("stco", 0, 0, [.. U32(1), .. U32(sampleOffset)]);
        byte[] stbl = Box("stbl", [.. stsd, .. stts, .. stss, .. stsc, .. stsz, .. stco]);
        byte[] minf = Box("minf", [.. vmhd, .. dinf, .. stbl]);
        byte[] mdia = Box("mdia", [.. mdhd, .. hdlr, .. minf]);
        byte[] trak = Box("trak", [.. tkhd, .. mdia]);
        return Box("moov", [.. mvhd, .. trak]);
    }

    private static byte[] SequenceParameterSet()
    {
        var bits = new BitWriter();
        bits.Bits(66, 8);          // profile_idc: Baseline
        bits.Bits(0b11000000, 8);  // constraint_set0 and set1: Constrained Baseline
        bits.Bits(10, 8);          // level_idc 1.0
        bits.Ue(0);                // seq_parameter_set_id
        bits.Ue(0);                // log2_max_frame_num_minus4
        bits.Ue(2);                // pic_order_cnt_type 2: output order is decode order
        bits.Ue(0);                // max_num_ref_frames
        bits.Bit(0);               // gaps_in_frame_num_value_allowed_flag
        bits.Ue((Width / 16) - 1);
        bits.Ue((Height / 16) - 1);
        bits.Bit(1);               // frame_mbs_only_flag
        bits.Bit(1);               // direct_8x8_inference_flag
        bits.Bit(0);               // frame_cropping_flag
        bits.Bit(0);               // vui_parameters_present_flag
        return bits.TrailingBits();
    }

    private static byte[] PictureParameterSet()
    {
        var bits = new BitWriter();
        bits.Ue(0);                // pic_parameter_set_id
        bits.Ue(0);                // seq_parameter_set_id
        bits.Bit(0);               // entropy_coding_mode_flag: CAVLC
        bits.Bit(0);               // bottom_field_pic_order_in_frame_present_flag
        bits.Ue(0);                // num_slice_groups_minus1
        bits.Ue(0);                // num_ref_idx_l0_default_active_minus1
        bits.Ue(0);                // num_ref_idx_l1_default_active_minus1
        bits.Bit(0);               // weighted_pred_flag
        bits.Bits(0, 2);           // weighted_bipred_idc
        bits.Se(0);                // pic_init_qp_minus26
        bits.Se(0);                // pic_init_qs_minus26
        bits.Se(0);                // chroma_qp_index_offset
        bits.Bit(1);               // deblocking_filter_control_present_flag
        bits.Bit(0);               // constrained_intra_pred_flag
        bits.Bit(0);               // redundant_pic_cnt_present_flag
        return bits.TrailingBits();
    }

    private static byte[] IdrSlice()
    {
        var bits = new BitWriter();
        bits.Ue(0);                // first_mb_in_slice
        bits.Ue(7);                // slice_type: I (all slices of the picture)
        bits.Ue(0);                // pic_parameter_set_id
        bits.Bits(0, 4);           // frame_num (log2_max_frame_num = 4)
        bits.Ue(0);                // idr_pic_id
        bits.Bit(0);               // no_output_of_prior_pics_flag
        bits.Bit(0);               // long_term_reference_flag
        bits.Se(0);                // slice_qp_delta
        bits.Ue(1);                // disable_deblocking_filter_idc: off (PCM samples are exact)
        int macroblocks = Width / 16 * (Height / 16);
        for (int mb = 0; mb < macroblocks; mb++)
        {
            bits.Ue(25);           // mb_type I_PCM
            bits.Align();          // pcm_alignment_zero_bit
            (byte y, byte cb, byte cr) = Colour(mb);
            for (int i = 0; i < 256; i++)
            {
                bits.Bits(y, 8);
            }

            for (int i = 0; i < 64; i++)
            {
                bits.Bits(cb, 8);
            }

            for (int i = 0; i < 64; i++)
            {
                bits.Bits(cr, 8);
            }
        }

        return bits.TrailingBits();
    }

    /// <summary>Four quadrants in the simulator's colours (Y, Cb, Cr; never 0, so PCM bytes need no emulation prevention, though it is applied).</summary>
    private static (byte, byte, byte) Colour(int macroblock) => macroblock switch
    {
        0 => (82, 90, 240),
        1 => (145, 54, 34),
        2 => (41, 240, 110),
        _ => (210, 16, 146),
    };

    /// <summary>A NAL unit with emulation prevention (0x000000–0x000003 never appears in its payload).</summary>
    private static byte[] Nal(byte header, byte[] rbsp)
    {
        var nal = new List<byte>(rbsp.Length + 8) { header };
        int zeros = 0;
        foreach (byte b in rbsp)
        {
            if (zeros == 2 && b <= 3)
            {
                nal.Add(3);
                zeros = 0;
            }

            nal.Add(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }

        return [.. nal];
    }

    private static byte[] Length(byte[] nal) => U32(nal.Length);

    private static byte[] Box(string type, byte[] payload) => [.. U32(8 + payload.Length), .. Ascii(type), .. payload];

    private static byte[] FullBox(string type, byte version, int flags, byte[] payload) =>
        Box(type, [version, (byte)(flags >> 16), (byte)(flags >> 8), (byte)flags, .. payload]);

    private static byte[] U32(int value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] U16(int value) => [(byte)(value >> 8), (byte)value];

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>MSB-first bits with the Exp-Golomb codes of H.264.</summary>
    private sealed class BitWriter
    {
        private readonly List<byte> _bytes = [];
        private int _current;
        private int _count;

        public void Bit(int bit)
        {
            _current = (_current << 1) | (bit & 1);
            if (++_count == 8)
            {
                _bytes.Add((byte)_current);
                _current = 0;
                _count = 0;
            }
        }

        public void Bits(int value, int width)
        {
            for (int i = width - 1; i >= 0; i--)
            {
                Bit((value >> i) & 1);
            }
        }

        public void Ue(int value)
        {
            int code = value + 1;
            int length = 32 - int.LeadingZeroCount(code);
            Bits(0, length - 1);
            Bits(code, length);
        }

        public void Se(int value) => Ue(value <= 0 ? -2 * value : (2 * value) - 1);

        public void Align()
        {
            while (_count != 0)
            {
                Bit(0);
            }
        }

        /// <summary>rbsp_trailing_bits: a stop bit, then zeros to the byte boundary.</summary>
        public byte[] TrailingBits()
        {
            Bit(1);
            Align();
            return [.. _bytes];
        }
    }
}
