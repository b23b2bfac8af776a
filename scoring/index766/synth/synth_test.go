package synth_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/scoring/index766"
	"github.com/p06kit/p06kit/scoring/index766/synth"
)

func ExampleWrite() {
	cfg := synth.Config{Records: 2, Seed: 1}
	if err := synth.Write(os.Stdout, cfg, index766.CSV); err != nil {
		fmt.Println(err)
	}
	// Output:
	// MaHoSo,MaDonVi,MaTTHC,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,PhiLePhi,DuocThanhToanTrucTuyen,DuongDanTepTinKetQua,DuocSoHoa,DuocLayTuKhoDMQG,TaiKhoanDuocXacThucVoiVNeID
	// H55.20.17-240211-000000,000.20.17.H55,1.004504.000.00.00.H55,2,2024-02-11T10:31:03+07:00,2024-02-21T17:00:00+07:00,2024-02-25T04:44:36+07:00,200000,2,https://kq.example.vn/H55.20.17-240211-000000.pdf,0,0,1
	// H55.20.43-240807-000001,000.20.43.H55,1.004469.000.00.00.H55,2,20240807074751,20240812170000,20240821023646,500000,2,https://kq.example.vn/H55.20.43-240807-000001.pdf,1,1,1
}

func TestSizesAndFormatsAgree(t *testing.T) {
	cfg := synth.Config{Records: 20000, Seed: 2}
	var j, c bytes.Buffer
	require.NoError(t, synth.Write(&j, cfg, index766.JSONL))
	require.NoError(t, synth.Write(&c, cfg, index766.CSV))
	assert.Equal(t, 20000, strings.Count(j.String(), "\n"))
	assert.Equal(t, 20001, strings.Count(c.String(), "\n"))
	// Near the issue's 384 bytes per JSON Lines record and 160 per CSV row.
	assert.InDelta(t, 410, j.Len()/20000, 20)
	assert.InDelta(t, 165, c.Len()/20000, 15)
	assert.Error(t, synth.Write(&j, cfg, index766.Detect))
}

func TestCatalogue(t *testing.T) {
	procs := synth.Catalogue(synth.Config{Procedures: 10, Seed: 3})
	require.Len(t, procs, 200) // fewer than the 25 essential services gives the default
	procs = synth.Catalogue(synth.Config{Procedures: 30, Seed: 3})
	require.Len(t, procs, 30)
	_, err := index766.NewProcedures(procs)
	require.NoError(t, err)
	levels := map[string]int{}
	for i, p := range procs {
		levels[p.Level]++
		assert.Equal(t, i < 25, p.Essential, p.Code)
	}
	assert.Positive(t, levels[index766.FullProcess])
	assert.Positive(t, levels[index766.PartialProcess])
	var b bytes.Buffer
	require.NoError(t, synth.WriteProcedures(&b, procs, true))
	back, err := index766.LoadProcedures(&b, "procs.csv")
	require.NoError(t, err)
	assert.Equal(t, procs, back.List())
}
